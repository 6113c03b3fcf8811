import { readFileSync } from 'node:fs';
import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { SCENARIO_SCHEMA, STEP_KINDS, STEP_SCHEMAS, type Scenario, type ScenarioStep, type StepKind } from './scenario.schema';

/** One problem in a scenario file, located for an editor (`file:line: message`). */
export interface ScenarioProblem {
  file: string;
  line: number;
  /** The YAML path of the offending value, e.g. `steps.3.args.msisdn`. */
  path: string;
  message: string;
}

export type ParsedScenario = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

export function formatProblem(p: ScenarioProblem): string {
  return `${p.file}:${p.line}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

export function readScenarioFile(file: string): ParsedScenario {
  return parseScenario(readFileSync(file, 'utf8'), file);
}

/** Parses and checks one scenario; every problem carries the line it sits on. */
export function parseScenario(source: string, file: string): ParsedScenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({ file, line: e.linePos?.[0]?.line ?? 1, path: '', message: e.message.split('\n')[0] })),
    };
  }
  const lineOf = (path: readonly PropertyKey[]) => lineAt(doc, lineCounter, path);
  const problemsOf = (error: z.ZodError, prefix: readonly PropertyKey[] = []): ScenarioProblem[] =>
    error.issues.map((issue) => {
      const path = [...prefix, ...issue.path];
      return { file, line: lineOf(path), path: path.map(String).join('.'), message: issue.message };
    });

  const top = SCENARIO_SCHEMA.safeParse(doc.toJS());
  if (!top.success) return { ok: false, problems: problemsOf(top.error) };

  const problems: ScenarioProblem[] = [];
  const steps: ScenarioStep[] = [];
  top.data.steps.forEach((raw, index) => {
    const at = ['steps', index] as const;
    const kinds = STEP_KINDS.filter((k) => raw !== null && typeof raw === 'object' && k in raw);
    if (kinds.length !== 1) {
      const message = kinds.length ? `a step has one kind, found ${kinds.join(' and ')}` : `a step needs one of ${STEP_KINDS.join(', ')}`;
      problems.push({ file, line: lineOf(at), path: at.join('.'), message });
      return;
    }
    const kind: StepKind = kinds[0];
    const parsed = STEP_SCHEMAS[kind].safeParse(raw);
    if (!parsed.success) problems.push(...problemsOf(parsed.error, at));
    else steps.push({ kind, ...parsed.data } as ScenarioStep);
  });
  if (problems.length) return { ok: false, problems };
  const { steps: _raw, ...head } = top.data;
  return { ok: true, scenario: { ...head, steps, file, stepLines: steps.map((_, i) => lineOf(['steps', i])) } };
}

/** The line of the deepest node the path reaches (a missing key points at its parent). */
function lineAt(doc: Document, counter: LineCounter, path: readonly PropertyKey[]): number {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return 1;
}
