import { Args, Flags } from '@oclif/core';
import { ModuleRef } from '@nestjs/core';
import { PROVISIONING_DELAY_SCALE_ENV } from '@bss/orders';
import { InvalidInput } from '@bss/platform';
import { DEFAULT_SCENARIO_DIR, ScenarioRunner, formatMs, loadScenarios, renderScenarioTable, type ScenarioReport } from '@bss/scenarios';
import { BssCommand, yesFlag } from '#bss/base/bss-command';

interface RunAllResult {
  passed: number;
  failed: number;
  ms: number;
  scenarios: ScenarioReport[];
}

export default class ScenarioRunAll extends BssCommand<RunAllResult> {
  static override summary = 'Run every scenario of a folder (each from reset data and a frozen clock); prints a pass/fail table, exit 1 on any failure';
  static override examples = ['<%= config.bin %> scenario run-all --yes', '<%= config.bin %> scenario run-all --tag hero --yes', '<%= config.bin %> scenario run-all scenarios --yes --json'];
  static override args = { dir: Args.string({ description: 'Folder of scenario YAML files (default: scenarios/)' }) };
  static override flags = { tag: Flags.string({ description: 'Only scenarios with this tag (e.g. hero)' }), yes: yesFlag };

  protected async execute(): Promise<RunAllResult> {
    const { args, flags } = await this.parse(ScenarioRunAll);
    const catalog = loadScenarios(args.dir ?? DEFAULT_SCENARIO_DIR, flags.tag);
    if (catalog.problems.length) {
      throw new InvalidInput(catalog.problems.map((p) => ({ field: `${p.file}:${p.line}`, messages: [p.path ? `${p.path}: ${p.message}` : p.message] })));
    }
    // Each scenario starts with admin reset: the operator confirms wiping operational data.
    if (catalog.scenarios.length) this.requireYes(flags.yes, 'scenario run-all (each scenario resets operational data first)');
    // Scenarios drive the provisioning simulator by draining its jobs here: no simulated network delays (unless set).
    process.env[PROVISIONING_DELAY_SCALE_ENV] ??= '0';
    const runner = new ScenarioRunner(await this.service(ModuleRef));
    const started = performance.now();
    const scenarios: ScenarioReport[] = [];
    for (const scenario of catalog.scenarios) {
      const report = await runner.run(scenario);
      scenarios.push(report);
      // Progress for people watching a long run; the table comes at the end.
      if (!this.jsonEnabled()) process.stderr.write(`${report.ok ? 'PASS' : 'FAIL'} ${scenario.name} (${formatMs(report.ms)})\n`);
    }
    const failed = scenarios.filter((s) => !s.ok).length;
    if (failed) process.exitCode = 1;
    return { passed: scenarios.length - failed, failed, ms: performance.now() - started, scenarios };
  }

  protected render(result: RunAllResult): string {
    return renderScenarioTable(result.scenarios);
  }
}
