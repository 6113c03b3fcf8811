// Factories for other contexts' specs (never imported by production code).
import type { TestApp } from '@bss/testing';
import { AssignLineResourcesCommand } from './commands/assign-line-resources.command';
import { ReserveLineResourcesCommand } from './commands/reserve-line-resources.command';
import type { LineResources } from './domain/inventory.views';

/** Holds the next free MSISDN + eSIM, as an order's decomposition would. */
export function reserveTestLine(app: TestApp, msisdnPreference?: string): Promise<LineResources> {
  return app.get(ReserveLineResourcesCommand).execute(msisdnPreference ? { msisdnPreference } : {});
}

/** Reserved and handed to `subscriptionId`, as after a successful activation. */
export async function assignedTestLine(app: TestApp, subscriptionId: string): Promise<LineResources> {
  const line = await reserveTestLine(app);
  await app.get(AssignLineResourcesCommand).execute({ msisdn: line.msisdn, iccid: line.iccid, subscriptionId });
  return line;
}
