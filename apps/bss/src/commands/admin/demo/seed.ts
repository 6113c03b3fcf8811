import { Flags } from '@oclif/core';
import { ModuleRef } from '@nestjs/core';
import { PROVISIONING_DELAY_SCALE_ENV } from '@bss/orders';
import { DEFAULT_DEMO_SEED, DEMO_CUSTOMER_COUNT, DemoDataset, type DemoSeedResult, type DemoSummary } from '@bss/scenarios';
import { BssCommand } from '#bss/base/bss-command';
// Outside the core, so linked by the demo verbs themselves: a demo customer may have chatted in the
// portal or been the focus of an operator conversation, and reset/restore forget customers only
// through the contexts this process registered.
import '@bss/chat';
import '@bss/conversation';

export const seedFlag = Flags.integer({ description: 'Seed of the generator: the same seed gives the same operator', default: DEFAULT_DEMO_SEED, min: 0 });
export const customersFlag = Flags.integer({ description: 'How many demo customers (a smaller demo of the same shape)', default: DEMO_CUSTOMER_COUNT, min: 1, max: 500 });

export function renderDemoSummary(s: DemoSummary): string[] {
  return [
    `  customers        ${s.customers}  (emails *.demo@bss-cli.local)`,
    `  lines            ${s.lines}  (${s.blockedLines} blocked on exhaustion)`,
    `  VAS top-ups      ${s.vasTopUps}`,
    `  open cases       ${s.openCases}  (${s.tickets} tickets)`,
    `  port requests    ${s.pendingPortRequests} pending`,
    `  promo in use     ${s.customersWithPromo} lines on DEMO_WELCOME10`,
  ];
}

/** The demo drives the order chain in this process: no simulated network delays (unless set). */
export async function demoDataset(command: { service: BssCommand<unknown>['service'] }): Promise<DemoDataset> {
  process.env[PROVISIONING_DELAY_SCALE_ENV] ??= '0';
  return new DemoDataset(await command.service(ModuleRef));
}

export default class AdminDemoSeed extends BssCommand<DemoSeedResult> {
  static override summary = 'Load the demo operator (50 customers on the three plans, usage, blocked lines, top-ups, cases, a port request, a promo); idempotent';
  static override examples = ['<%= config.bin %> admin demo seed', '<%= config.bin %> admin demo seed --seed 7 --json'];
  static override flags = { seed: seedFlag, customers: customersFlag };

  protected async execute(): Promise<DemoSeedResult> {
    const { flags } = await this.parse(AdminDemoSeed);
    const demo = await demoDataset({ service: (type) => this.service(type) });
    return demo.seed(flags.seed, (line) => process.stderr.write(`${line}\n`), flags.customers);
  }

  protected render(result: DemoSeedResult): string {
    const head = result.created ? `✓ Demo operator loaded (seed ${result.seed})` : '✓ Demo operator already loaded; nothing to do';
    return [head, ...renderDemoSummary(result), 'Try: bss customer list · bss customer find --email <one of them> · the portal at :9001'].join('\n');
  }
}
