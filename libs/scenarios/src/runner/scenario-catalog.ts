import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readScenarioFile, type ScenarioProblem } from '#scenarios/domain/scenario-file';
import type { Scenario } from '#scenarios/domain/scenario.schema';

export interface ScenarioCatalog {
  scenarios: Scenario[];
  problems: ScenarioProblem[];
}

/** The `.yaml`/`.yml` files of a folder, by name. */
export function scenarioFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(resolve(dir), f));
}

/** Every scenario of a folder (optionally only those with a tag), and every problem found on the way. */
export function loadScenarios(dir: string, tag?: string): ScenarioCatalog {
  const catalog: ScenarioCatalog = { scenarios: [], problems: [] };
  for (const file of scenarioFiles(dir)) {
    const parsed = readScenarioFile(file);
    if (!parsed.ok) catalog.problems.push(...parsed.problems);
    else if (!tag || parsed.scenario.tags.includes(tag)) catalog.scenarios.push(parsed.scenario);
  }
  const seen = new Map<string, string>();
  for (const s of catalog.scenarios) {
    const other = seen.get(s.name);
    if (other) catalog.problems.push({ file: s.file, line: 1, path: 'name', message: `scenario name "${s.name}" is also used by ${other}` });
    seen.set(s.name, s.file);
  }
  return catalog;
}

/** `<repo>/scenarios`: this file sits four folders below the repo root, in src/ and in dist/ alike. */
export const DEFAULT_SCENARIO_DIR = join(__dirname, '..', '..', '..', '..', 'scenarios');
