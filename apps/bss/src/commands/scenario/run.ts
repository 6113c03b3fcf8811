import { Args } from '@oclif/core';
import { ModuleRef } from '@nestjs/core';
import { PROVISIONING_DELAY_SCALE_ENV } from '@bss/orders';
import { InvalidInput } from '@bss/platform';
import { ScenarioRunner, readScenarioFile, renderScenarioTable, type ScenarioReport } from '@bss/scenarios';
import { BssCommand, yesFlag } from '#bss/base/bss-command';

export default class ScenarioRun extends BssCommand<ScenarioReport> {
  static override summary = 'Run one scenario file against the system (it resets operational data first); exit 1 when it fails';
  static override examples = ['<%= config.bin %> scenario run scenarios/signup-and-exhaust.yaml --yes', '<%= config.bin %> scenario run scenarios/port-out-terminates-line.yaml --yes --json'];
  static override args = { file: Args.string({ required: true, description: 'The scenario YAML file' }) };
  static override flags = { yes: yesFlag };

  protected async execute(): Promise<ScenarioReport> {
    const { args, flags } = await this.parse(ScenarioRun);
    const parsed = readScenarioFile(args.file);
    if (!parsed.ok) throw new InvalidInput(parsed.problems.map((p) => ({ field: `${p.file}:${p.line}`, messages: [p.path ? `${p.path}: ${p.message}` : p.message] })));
    // Each scenario starts with admin reset: the operator confirms wiping operational data.
    this.requireYes(flags.yes, 'scenario run (it resets operational data first)');
    // Scenarios drive the provisioning simulator by draining its jobs here: no simulated network delays (unless set).
    process.env[PROVISIONING_DELAY_SCALE_ENV] ??= '0';
    const report = await new ScenarioRunner(await this.service(ModuleRef)).run(parsed.scenario);
    if (!report.ok) process.exitCode = 1;
    return report;
  }

  protected render(report: ScenarioReport): string {
    const steps = report.steps.map((s) => `  ${s.ok ? '✓' : '✗'} ${String(s.index + 1).padStart(2)}. ${s.label}${s.error ? `\n       ${s.error}` : ''}`);
    return [`${report.name}`, ...steps, '', renderScenarioTable([report])].join('\n');
  }
}
