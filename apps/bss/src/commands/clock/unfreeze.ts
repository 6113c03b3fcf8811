import { Clock, type ClockState } from '@bss/platform';
import { BssCommand } from '#bss/base/bss-command';
import { renderClock } from './now';

export default class ClockUnfreeze extends BssCommand<ClockState> {
  static override summary = 'Let the simulated clock run again (the offset is kept)';

  protected async execute(): Promise<ClockState> {
    await this.parse(ClockUnfreeze);
    return (await this.service(Clock)).unfreeze();
  }

  protected render(state: ClockState): string {
    return renderClock(state);
  }
}
