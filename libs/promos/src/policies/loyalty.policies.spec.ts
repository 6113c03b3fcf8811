import { assertCanClaim, assertCodeAvailable, assertCodeRegistrable, assertLedgerTool, assertOfferIssuable } from './loyalty.policies';
import { ruleOf } from '@bss/testing';

describe('loyalty.idempotency.key_reused', () => {
  it('allows replaying a key for the same tool', () => expect(ruleOf(() => assertLedgerTool('ORD-1:claim', 'offer.claim', 'offer.claim'))).toBeUndefined());
  it('refuses a key used by another tool', () => expect(ruleOf(() => assertLedgerTool('ORD-1:claim', 'offer.claim', 'offer.redeem'))).toBe('loyalty.idempotency.key_reused'));
});

describe('promo_code.register.code_taken', () => {
  it('allows a new code or the same binding again', () => {
    expect(ruleOf(() => assertCodeRegistrable('WELCOME10', null, 'OD_A'))).toBeUndefined();
    expect(ruleOf(() => assertCodeRegistrable('WELCOME10', 'OD_A', 'OD_A'))).toBeUndefined();
  });
  it('refuses a code bound to another definition', () => expect(ruleOf(() => assertCodeRegistrable('WELCOME10', 'OD_B', 'OD_A'))).toBe('promo_code.register.code_taken'));
});

describe('promo_code.show.exhausted', () => {
  it('allows an unused shared code and any multi-use or per-customer code', () => {
    expect(ruleOf(() => assertCodeAvailable('ONCE', 'single_use_shared', []))).toBeUndefined();
    expect(ruleOf(() => assertCodeAvailable('MANY', 'multi_use', ['CUST-00000001']))).toBeUndefined();
    expect(ruleOf(() => assertCodeAvailable('EACH', 'single_use_unique_per_customer', ['CUST-00000001']))).toBeUndefined();
  });
  it('refuses a shared code already used', () => expect(ruleOf(() => assertCodeAvailable('ONCE', 'single_use_shared', ['CUST-00000001']))).toBe('promo_code.show.exhausted'));
});

describe('offer.claim limits', () => {
  const A = 'CUST-0000000a';
  const B = 'CUST-0000000b';
  it('single_use_shared: the first claim wins, the next is refused', () => {
    expect(ruleOf(() => assertCanClaim('ONCE', 'single_use_shared', A, []))).toBeUndefined();
    expect(ruleOf(() => assertCanClaim('ONCE', 'single_use_shared', B, [A]))).toBe('offer.claim.code_exhausted');
  });
  it('single_use_unique_per_customer: once per customer', () => {
    expect(ruleOf(() => assertCanClaim('EACH', 'single_use_unique_per_customer', B, [A]))).toBeUndefined();
    expect(ruleOf(() => assertCanClaim('EACH', 'single_use_unique_per_customer', A, [A]))).toBe('offer.claim.already_claimed_by_customer');
  });
  it('multi_use: any number', () => {
    expect(ruleOf(() => assertCanClaim('MANY', 'multi_use', A, [A, B]))).toBeUndefined();
  });
});

describe('offer.issue.conflict', () => {
  const request = { customerId: 'CUST-0000000a', offerDefinitionId: 'OD_PROMO_VIP' };
  it('allows a new offer id or the same issue again', () => {
    expect(ruleOf(() => assertOfferIssuable('OFF-1', null, request))).toBeUndefined();
    expect(ruleOf(() => assertOfferIssuable('OFF-1', request, request))).toBeUndefined();
  });
  it('refuses an id held by another customer', () => {
    expect(ruleOf(() => assertOfferIssuable('OFF-1', { ...request, customerId: 'CUST-0000000b' }, request))).toBe('offer.issue.conflict');
  });
});
