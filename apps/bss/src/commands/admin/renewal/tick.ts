import { RenewalSweep, type RenewalTickResult } from '@bss/subscription';
import { BssCommand } from '#bss/base/bss-command';

export default class AdminRenewalTick extends BssCommand<RenewalTickResult> {
  static override summary = 'Run one renewal sweep now: renew due lines, skip blocked overdue ones, send reminders';
  static override examples = ['<%= config.bin %> admin renewal tick', '<%= config.bin %> admin renewal tick --json'];

  protected async execute(): Promise<RenewalTickResult> {
    await this.parse(AdminRenewalTick);
    return (await this.service(RenewalSweep)).tick();
  }

  protected render(r: RenewalTickResult): string {
    const list = (ids: readonly string[]) => (ids.length ? ids.join(', ') : '—');
    return [
      `Renewal sweep at ${r.at.toISOString()}`,
      `  renewed   ${r.renewed.length}  ${list(r.renewed)}`,
      `  declined  ${r.declined.length}  ${list(r.declined)}  (now blocked)`,
      `  skipped   ${r.skipped.length}  ${list(r.skipped)}  (blocked, overdue)`,
      `  reminded  ${r.reminded.length}  ${list(r.reminded)}`,
      ...(r.failed.length ? [`  failed    ${r.failed.length}  ${r.failed.map((f) => `${f.subscriptionId}: ${f.error}`).join('; ')}`] : []),
    ].join('\n');
  }
}
