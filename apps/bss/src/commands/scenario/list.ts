import { Flags } from '@oclif/core';
import { DEFAULT_SCENARIO_DIR, formatProblem, loadScenarios } from '@bss/scenarios';
import { BssCommand } from '#bss/base/bss-command';

interface ScenarioListRow {
  name: string;
  tags: string[];
  steps: number;
  file: string;
  description: string;
}

export default class ScenarioList extends BssCommand<ScenarioListRow[]> {
  static override summary = 'List the scenarios of the scenarios/ folder with their tags and step counts';
  static override examples = ['<%= config.bin %> scenario list', '<%= config.bin %> scenario list --tag hero --json'];
  static override flags = { dir: Flags.string({ description: 'Folder of scenario YAML files (default: scenarios/)' }), tag: Flags.string({ description: 'Only scenarios with this tag' }) };

  protected async execute(): Promise<ScenarioListRow[]> {
    const { flags } = await this.parse(ScenarioList);
    const catalog = loadScenarios(flags.dir ?? DEFAULT_SCENARIO_DIR, flags.tag);
    for (const problem of catalog.problems) this.addWarning(formatProblem(problem));
    return catalog.scenarios.map((s) => ({ name: s.name, tags: s.tags, steps: s.steps.length, file: s.file, description: s.description }));
  }

  protected render(rows: ScenarioListRow[]): string {
    if (!rows.length) return '(no scenarios)';
    const width = Math.max(...rows.map((r) => r.name.length));
    return rows.map((r) => `${r.name.padEnd(width)}  ${String(r.steps).padStart(3)} steps  [${r.tags.join(', ')}]  ${r.description}`).join('\n');
  }
}
