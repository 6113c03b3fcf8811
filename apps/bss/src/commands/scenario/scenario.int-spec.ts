import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@bss/testing';
import { runCli } from '#bss/testing/run-cli';
import ScenarioList from './list';
import ScenarioRun from './run';
import ScenarioRunAll from './run-all';
import ScenarioValidate from './validate';

const PASSES = `name: catalog-has-plans
description: the seeded catalog sells the three plans
tags: [smoke, good]
steps:
  - assert:
      tool: catalog.list
      that: [{ path: "$[*].id", contains: PLAN_M }]
`;
const FAILS = `name: wrong-price
description: PLAN_S does not cost 99
tags: [smoke]
steps:
  - assert:
      tool: catalog.show
      args: { offeringId: PLAN_S }
      that: [{ path: "$.prices[0].amount", eq: "99.00" }]
`;
const BROKEN = `name: broken
description: a typo in a step
steps:
  - tool: catalog.list
    expct: ok
`;

describe('bss scenario', () => {
  let dir: string;
  beforeAll(async () => {
    process.env.BSS_DB_URL = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'bss-scenarios-'));
    writeFileSync(join(dir, 'a-passes.yaml'), PASSES);
    writeFileSync(join(dir, 'b-fails.yaml'), FAILS);
  });

  it('validate passes the shipped scenarios and names file:line for a broken one', async () => {
    const shipped = await runCli(ScenarioValidate, ['--json']);
    expect(shipped.json).toMatchObject({ status: 0, result: { problems: [] } });
    expect((shipped.json?.result as { files: number }).files).toBeGreaterThanOrEqual(12);
    const human = await runCli(ScenarioValidate, []);
    expect(human.exitCode).toBe(0);
    expect(human.stdout).toMatch(/✓ \d+ scenario file\(s\) valid/);
    const file = join(mkdtempSync(join(tmpdir(), 'bss-broken-')), 'broken.yml');
    writeFileSync(file, BROKEN);
    const broken = await runCli(ScenarioValidate, [file]);
    expect(broken.exitCode).toBe(2);
    expect(broken.stderr).toContain(`${file}:4: steps.0:`);
    expect(broken.stderr).toContain('expct');
  });

  it('list shows the shipped hero scenarios (at least twelve)', async () => {
    const { json } = await runCli(ScenarioList, ['--tag', 'hero', '--json']);
    const rows = json?.result as { name: string; tags: string[] }[];
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(rows.every((r) => r.tags.includes('hero'))).toBe(true);
  });

  it('run and run-all refuse without --yes: every scenario starts by resetting operational data', async () => {
    const run = await runCli(ScenarioRun, [join(dir, 'a-passes.yaml')]);
    expect(run).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('POLICY_VIOLATION cli.destructive.requires_yes') });
    expect((await runCli(ScenarioRunAll, [dir])).exitCode).toBe(2);
  });

  it('run passes a good scenario (exit 0) and fails a bad one (exit 1) with the step, file and line', async () => {
    const good = await runCli(ScenarioRun, [join(dir, 'a-passes.yaml'), '--yes']);
    expect(good.exitCode).toBe(0);
    expect(good.stdout).toContain('PASS  catalog-has-plans');
    expect((await runCli(ScenarioRun, [join(dir, 'a-passes.yaml'), '--yes', '--json'])).json).toMatchObject({ status: 0, result: { ok: true, name: 'catalog-has-plans' } });
    const bad = await runCli(ScenarioRun, [join(dir, 'b-fails.yaml'), '--yes', '--json']);
    expect(bad.exitCode).toBe(1);
    expect(bad.json?.result).toMatchObject({ ok: false, failure: expect.stringContaining('b-fails.yaml:5: step 1 (assert catalog.show)') });
  });

  it('run-all prints a pass/fail table with timings and exits 1 when any scenario fails', async () => {
    const all = await runCli(ScenarioRunAll, [dir, '--yes']);
    expect(all.exitCode).toBe(1);
    expect(all.stdout).toMatch(/PASS {2}catalog-has-plans +1\/1 +\d+(\.\d+)? m?s/);
    expect(all.stdout).toMatch(/FAIL {2}wrong-price +0\/1/);
    expect(all.stdout).toContain('1 passed, 1 failed, 2 total');
    const good = await runCli(ScenarioRunAll, [dir, '--tag', 'good', '--yes', '--json']);
    expect(good.json).toMatchObject({ status: 0, result: { passed: 1, failed: 0, scenarios: [{ name: 'catalog-has-plans', ok: true }] } });
    const tagged = await runCli(ScenarioRunAll, [dir, '--tag', 'nothing-has-this']);
    expect(tagged.exitCode).toBe(0);
    expect(tagged.stdout).toContain('0 passed, 0 failed, 0 total');
  });
});
