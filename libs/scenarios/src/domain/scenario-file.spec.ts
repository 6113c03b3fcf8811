import { formatProblem, parseScenario } from './scenario-file';

const GOOD = `name: tiny
description: one read
tags: [hero]
steps:
  - tool: catalog.list
    save: plans
  - assert:
      from: plans
      that:
        - { path: "$[*].id", contains: PLAN_M }
`;

describe('parseScenario', () => {
  it('reads a valid file into typed steps with their lines', () => {
    const parsed = parseScenario(GOOD, 'tiny.yaml');
    if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
    expect(parsed.scenario).toMatchObject({ name: 'tiny', tags: ['hero'], clock: '2026-01-01T00:00:00Z', stepLines: [5, 7] });
    expect(parsed.scenario.steps.map((s) => s.kind)).toEqual(['tool', 'assert']);
    expect(parsed.scenario.steps[0]).toMatchObject({ tool: 'catalog.list', args: {}, expect: 'ok' });
  });

  it('names each schema problem with the file and the line it sits on', () => {
    const source = GOOD.replace('save: plans', 'save: plans\n    expct: ok').replace('contains: PLAN_M', 'contains: PLAN_M, eq: 1');
    const parsed = parseScenario(source, 'scenarios/tiny.yaml');
    expect(parsed.ok).toBe(false);
    const lines = parsed.ok ? [] : parsed.problems.map(formatProblem);
    expect(lines).toEqual([
      expect.stringMatching(/^scenarios\/tiny\.yaml:5: steps\.0: .*expct/),
      expect.stringMatching(/^scenarios\/tiny\.yaml:11: steps\.1\.assert\.that\.0: each check has a path and exactly one of/),
    ]);
  });

  it('refuses a step of no known kind or of two kinds, at its line', () => {
    const source = 'name: x\ndescription: d\nsteps:\n  - tool: catalog.list\n  - sleep: 5\n  - tool: catalog.list\n    tick: renewal\n';
    const parsed = parseScenario(source, 'x.yaml');
    expect(parsed.ok ? [] : parsed.problems.map(formatProblem)).toEqual([
      'x.yaml:5: steps.1: a step needs one of tool, ask, clock, wait, tick, assert',
      'x.yaml:6: steps.2: a step has one kind, found tool and tick',
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const parsed = parseScenario('name: x\ndescription: d\nsteps:\n  - tool: [unclosed\n', 'bad.yaml');
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? undefined : parsed.problems[0]).toMatchObject({ file: 'bad.yaml', line: expect.any(Number) });
  });

  it('checks top-level fields: kebab-case name, a description, at least one step', () => {
    const parsed = parseScenario('name: Not Kebab\nsteps: []\n', 'top.yaml');
    expect(parsed.ok ? [] : parsed.problems.map((p) => `${p.line} ${p.path}`)).toEqual(['1 name', '1 description', '2 steps']);
  });
});
