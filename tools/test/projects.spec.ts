// Every app and lib has the two test targets the runners rely on: `test` (pure specs, no Postgres) and
// `test-int` (Postgres), both from one jest.config.cjs built by jest.preset.js's jestProjects.
// A new project copied from an old one fails here instead of losing its specs silently.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const projects = ['libs', 'apps'].flatMap((group) =>
  readdirSync(join(root, group))
    .filter((name) => existsSync(join(root, group, name, 'package.json')))
    .map((name) => ({ name, dir: join(root, group, name) })),
);

type JestProject = { displayName: string; testMatch: string[]; globalSetup?: string };

describe.each(projects)('$name', ({ name, dir }) => {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts?: Record<string, string>; imports?: Record<string, unknown> };
  const config = require(join(dir, 'jest.config.cjs')) as { projects?: JestProject[] };

  it('has a unit project without Postgres and an int project with it (jestProjects in jest.config.cjs)', () => {
    expect(config.projects).toHaveLength(2);
    const [unit, int] = config.projects ?? [];
    expect(unit.globalSetup).toBeUndefined();
    expect(unit.testMatch.every((m) => !m.includes('int-spec'))).toBe(true);
    expect(int.displayName).toBe(`${unit.displayName}:int`);
    expect(int.globalSetup).toMatch(/global-setup\.mjs$/);
  });

  it('runs them as the Nx targets test and test-int', () => {
    const unitName = config.projects?.[0].displayName;
    expect(pkg.scripts?.test).toMatch(new RegExp(`--selectProjects ${unitName} `));
    expect(pkg.scripts?.['test-int']).toMatch(new RegExp(`--selectProjects ${unitName}:int `));
  });
});
