import { Args } from '@oclif/core';
import { Clock, type ClockState } from '@bss/platform';
import { BssCommand } from '#bss/base/bss-command';
import { renderClock } from './now';

export default class ClockAdvance extends BssCommand<ClockState> {
  static override summary = 'Move the simulated clock forward (e.g. 30d, 12h, 15m, 90s)';
  static override examples = ['<%= config.bin %> clock advance 30d'];
  static override args = { duration: Args.string({ required: true, description: 'Duration matching ^\\d+[smhd]$' }) };

  protected async execute(): Promise<ClockState> {
    const { args } = await this.parse(ClockAdvance);
    return (await this.service(Clock)).advance(args.duration);
  }

  protected render(state: ClockState): string {
    return renderClock(state);
  }
}
