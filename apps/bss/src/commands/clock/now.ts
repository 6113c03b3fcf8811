import { Clock, type ClockState } from '@bss/platform';
import { BssCommand } from '#bss/base/bss-command';

export default class ClockNow extends BssCommand<ClockState> {
  static override summary = 'Show the simulated time every process shares';
  static override examples = ['<%= config.bin %> clock now', '<%= config.bin %> clock now --json'];

  protected async execute(): Promise<ClockState> {
    await this.parse(ClockNow);
    return (await this.service(Clock)).state();
  }

  protected render(state: ClockState): string {
    return renderClock(state);
  }
}

export function renderClock(state: ClockState): string {
  const detail = state.mode === 'frozen' ? `frozen at ${state.frozenAt}` : `wall${state.offsetSeconds ? `, offset ${state.offsetSeconds}s` : ''}`;
  return `${state.now}  (${detail})`;
}
