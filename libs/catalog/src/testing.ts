// Factories for other contexts' specs (never imported by production code).
import type { TestApp } from '@bss/testing';
import { AddOfferingCommand, type AddOfferingInput } from './commands/add-offering.command';
import type { OfferingView } from './queries/catalog.queries';

/** The seeded plans and their monthly prices (domain spec §2). */
export const SEEDED_PLANS = {
  PLAN_S: { priceId: 'PRICE_PLAN_S', amount: '10.00' },
  PLAN_M: { priceId: 'PRICE_PLAN_M', amount: '25.00' },
  PLAN_L: { priceId: 'PRICE_PLAN_L', amount: '45.00' },
} as const;

/** A sellable plan with a monthly price `PRICE_<id>` and PLAN_M-like allowances. */
export function givenOffering(app: TestApp, overrides: Partial<AddOfferingInput> & Pick<AddOfferingInput, 'offeringId'>): Promise<OfferingView> {
  return app.get(AddOfferingCommand).execute({
    name: overrides.offeringId,
    amount: '25.00',
    dataMb: 30720,
    voiceMinutes: -1,
    smsCount: -1,
    dataRoamingMb: 500,
    ...overrides,
  });
}

/** A sellable plan with no active price at any time from 1970 on (`catalog.price.no_active_row`). */
export async function givenUnpricedOffering(app: TestApp, offeringId: string): Promise<OfferingView> {
  const view = await givenOffering(app, { offeringId });
  await app.db.query(`update catalog.product_offering_price set valid_to = 'epoch' where offering_id = $1`, [offeringId]);
  return view;
}
