import { Flags } from '@oclif/core';
import { Clock, type ClockState } from '@bss/platform';
import { BssCommand } from '#bss/base/bss-command';
import { renderClock } from './now';

export default class ClockFreeze extends BssCommand<ClockState> {
  static override summary = 'Stop the simulated clock (at now, or at --at)';
  static override examples = ['<%= config.bin %> clock freeze', '<%= config.bin %> clock freeze --at 2026-01-01T00:00:00Z'];
  static override flags = { at: Flags.string({ description: 'ISO-8601 instant; no zone means UTC' }) };

  protected async execute(): Promise<ClockState> {
    const { flags } = await this.parse(ClockFreeze);
    return (await this.service(Clock)).freeze(flags.at);
  }

  protected render(state: ClockState): string {
    return renderClock(state);
  }
}
