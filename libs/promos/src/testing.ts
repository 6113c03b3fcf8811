// Factories for specs (this context's and others'); never imported by production code.
import { randomBytes } from 'node:crypto';
import { CreateCustomerCommand, type CustomerView } from '@bss/crm';
import { runWithAuth } from '@bss/policies';
import { createTestApp, type TestApp, type TestAppOptions } from '@bss/testing';
import { AssignPromotionCommand, type PromotionAssignment } from './commands/assign-promotion.command';
import { CreatePromotionCommand, type CreatePromotionInput } from './commands/create-promotion.command';
import type { LoyaltyMode } from './domain/loyalty.types';
import type { PromotionView } from './domain/promotion.views';
import { LoyaltyPort } from './ports/loyalty.port';
import { PromosModule } from './promos.module';
import { startLoyaltyDouble, useLoyaltyDouble, type LoyaltyDouble } from './testing/loyalty-double';

export { startLoyaltyDouble, useLoyaltyDouble, type LoyaltyDouble, type RecordedCall, type Fault } from './testing/loyalty-double';

export interface PromoTestApp {
  app: TestApp;
  /** Remote mode only: the contract-test double the app talks to. */
  double: LoyaltyDouble | null;
  close(): Promise<void>;
}

/**
 * A test app in one loyalty mode: `embedded` (own tables), `remote` (HTTP to a fresh contract-test
 * double on a random port) or `off`. `imports` default to PromosModule; pass e.g. OrdersModule to
 * run another context's flow through promos in each mode.
 */
export async function createPromoTestApp(mode: LoyaltyMode, options: Partial<TestAppOptions> & { timeoutMs?: number } = {}): Promise<PromoTestApp> {
  const double = mode === 'remote' ? await startLoyaltyDouble() : null;
  if (double) useLoyaltyDouble(double, options.timeoutMs);
  else process.env.BSS_LOYALTY_MODE = mode;
  const app = await createTestApp({ ...options, imports: options.imports ?? [PromosModule] });
  return {
    app,
    double,
    close: async () => {
      await app.close();
      await double?.close();
    },
  };
}

export const TEST_OPERATOR = 'ops.promo-test';

/** The product page's example: public WELCOME10, 10 % for 3 periods, any number of uses. */
export const WELCOME10: CreatePromotionInput = {
  promotionId: 'PROMO_WELCOME10',
  name: 'Welcome 10%',
  discountType: 'percent',
  discountValue: '10',
  durationKind: 'multi',
  periodsTotal: 3,
  audience: 'public',
  code: 'WELCOME10',
  codeKind: 'multi_use',
};

/** The loyalty engine the app is wired to (embedded, remote client, or the disabled one). */
export function loyaltyOf(app: TestApp): LoyaltyPort {
  return app.context.get<LoyaltyPort>(LoyaltyPort);
}

/** Creates a promotion as a named operator (the create saga needs one). */
export function givenPromotion(app: TestApp, input: Partial<CreatePromotionInput> & Pick<CreatePromotionInput, 'promotionId'>): Promise<PromotionView> {
  const code = input.audience === 'targeted' ? undefined : input.promotionId.replace(/^PROMO_/, '');
  return runWithAuth({ actor: TEST_OPERATOR, channel: 'cli' }, () =>
    app.get(CreatePromotionCommand).execute({
      discountType: 'percent',
      discountValue: '20',
      durationKind: 'single',
      audience: 'public',
      codeKind: input.audience === 'targeted' ? undefined : 'multi_use',
      code,
      ...input,
    }),
  );
}

export function givenAssignment(app: TestApp, promotionId: string, customerIds: string[]): Promise<PromotionAssignment> {
  return runWithAuth({ actor: TEST_OPERATOR, channel: 'cli' }, () => app.get(AssignPromotionCommand).execute({ promotionId, customerIds }));
}

/** An active customer with a unique email (promos only needs it to exist). */
export function givenPromoCustomer(app: TestApp, givenName = 'Pat'): Promise<CustomerView> {
  return app.get(CreateCustomerCommand).execute({ givenName, familyName: 'Promo', email: `${givenName.toLowerCase()}.${randomBytes(4).toString('hex')}@example.com` });
}
