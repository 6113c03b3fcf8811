import { statSync } from 'node:fs';
import { Args } from '@oclif/core';
import { InvalidInput } from '@bss/platform';
import { DEFAULT_SCENARIO_DIR, formatProblem, readScenarioFile, scenarioFiles, type ScenarioProblem } from '@bss/scenarios';
import { BssCommand } from '#bss/base/bss-command';

interface ValidateResult {
  files: number;
  problems: ScenarioProblem[];
}

export default class ScenarioValidate extends BssCommand<ValidateResult> {
  static override summary = 'Check scenario files against the schema; each problem is printed as file:line: message';
  static override examples = ['<%= config.bin %> scenario validate', '<%= config.bin %> scenario validate scenarios/signup-and-exhaust.yaml'];
  static override args = { path: Args.string({ description: 'A scenario file or folder (default: scenarios/)' }) };

  protected async execute(): Promise<ValidateResult> {
    const { args } = await this.parse(ScenarioValidate);
    const path = args.path ?? DEFAULT_SCENARIO_DIR;
    const files = statSync(path).isDirectory() ? scenarioFiles(path) : [path];
    const problems = files.flatMap((file) => {
      const parsed = readScenarioFile(file);
      return parsed.ok ? [] : parsed.problems;
    });
    if (problems.length) {
      throw new InvalidInput(
        problems.map((p) => ({ field: `${p.file}:${p.line}`, messages: [formatProblem(p)] })),
        `${problems.length} problem(s) in ${files.length} scenario file(s):\n${problems.map(formatProblem).join('\n')}`,
      );
    }
    return { files: files.length, problems };
  }

  protected render(result: ValidateResult): string {
    return `✓ ${result.files} scenario file(s) valid`;
  }
}
