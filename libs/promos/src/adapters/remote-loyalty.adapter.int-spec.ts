import { NotFound, PolicyViolation, UpstreamFailed } from '@bss/platform';
import type { TestApp } from '@bss/testing';
import { createPromoTestApp, type LoyaltyDouble, loyaltyOf, type PromoTestApp } from '#promos/testing';
import { LoyaltyPort, type LoyaltyCall } from '#promos/ports/loyalty.port';
import { RemoteLoyalty } from './remote-loyalty.adapter';

const call = (over: Partial<LoyaltyCall> = {}): LoyaltyCall => ({ actor: 'ops.jane', tenant: 'DEFAULT', ...over });
const CUSTOMERS = Array.from({ length: 20 }, (_, i) => `CUST-${String(i).padStart(8, '0')}`);

describe('RemoteLoyalty against the contract-test double (BSS_LOYALTY_MODE=remote)', () => {
  let t: PromoTestApp;
  let app: TestApp;
  let double: LoyaltyDouble;
  let loyalty: LoyaltyPort;

  beforeAll(async () => {
    // Wide enough that 20 concurrent claims on a loaded CI machine are never cut short (the race test below).
    t = await createPromoTestApp('remote', { timeoutMs: 2000 });
    app = t.app;
    double = t.double!;
    loyalty = loyaltyOf(app);
    await loyalty.registerOfferDefinition(call({ idempotencyKey: 'P:od' }), { id: 'OD_P', displayName: 'P', kind: 'regular' });
  });
  afterAll(() => t.close());
  beforeEach(() => double.clearCalls());

  const register = (code: string, kind: 'single_use_shared' | 'multi_use' = 'single_use_shared') =>
    loyalty.registerPromoCode(call({ idempotencyKey: `${code}:code` }), { code, offerDefinitionId: 'OD_P', kind });
  const externalCalls = () =>
    app.db.query<{ operation: string; status: string; aggregate_id: string | null; request_payload: { idempotencyKey: string } }>(
      `select operation, status, aggregate_id, request_payload from audit.external_call where provider = 'loyalty' order by id`,
    );

  it('is wired from BSS_LOYALTY_MODE=remote with base URL and token', () => {
    expect(loyalty).toBeInstanceOf(RemoteLoyalty);
  });

  it('sends Bearer, X-Actor-Id, X-Actor-Roles and Idempotency-Key on every call, and no X-BSS-* header', async () => {
    await register('HDR1', 'multi_use');
    await loyalty.showPromoCode(call(), { code: 'HDR1' });
    await loyalty.showPromoCode(call(), { code: 'HDR1' });
    expect(double.calls).toHaveLength(3);
    for (const c of double.calls) {
      expect(c).toMatchObject({ authorization: `Bearer ${double.token}`, actorId: 'ops.jane', actorRoles: 'author,reviewer,publisher', bssHeaders: [] });
      expect(c.idempotencyKey).toEqual(expect.any(String));
    }
    // Writes carry the step's stable key; reads a fresh random one each time.
    expect(double.calls[0].idempotencyKey).toBe('HDR1:code');
    expect(double.calls[1].idempotencyKey).not.toBe(double.calls[2].idempotencyKey);
    expect(double.calls[0].body).toEqual({ code: 'HDR1', offer_definition_id: 'OD_P', kind: 'multi_use' });
  });

  it('maps 422 {"detail":{"refused":true,"code":"X"}} to PolicyViolation rule X (default loyalty.refused)', async () => {
    double.failNext('promo_code.show', { status: 422, body: { detail: { refused: true, code: 'X', message: 'nope' } } });
    await expect(loyalty.showPromoCode(call(), { code: 'HDR1' })).rejects.toMatchObject({ rule: 'X', message: 'nope' });
    double.failNext('promo_code.show', { status: 422, body: { detail: { refused: true } } });
    const error = await loyalty.showPromoCode(call(), { code: 'HDR1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PolicyViolation);
    expect(error).toMatchObject({ rule: 'loyalty.refused' });
  });

  it('maps 404 to NotFound, other 4xx and 5xx to UpstreamFailed, and a timeout to UpstreamFailed', async () => {
    await expect(loyalty.showPromoCode(call(), { code: 'NOPE' })).rejects.toBeInstanceOf(NotFound);
    double.failNext('promo_code.show', { status: 422, body: { detail: [{ msg: 'field required' }] } });
    await expect(loyalty.showPromoCode(call(), { code: 'HDR1' })).rejects.toMatchObject({ code: 'UPSTREAM_FAILED', context: { httpStatus: 422 } });
    double.failNext('promo_code.show', { status: 503, body: { detail: 'down' } });
    await expect(loyalty.showPromoCode(call(), { code: 'HDR1' })).rejects.toMatchObject({ code: 'UPSTREAM_FAILED', context: { httpStatus: 503 } });
    double.failNext('promo_code.show', { delayMs: 4000 });
    const timedOut = await loyalty.showPromoCode(call(), { code: 'HDR1' }).catch((e: unknown) => e);
    expect(timedOut).toBeInstanceOf(UpstreamFailed);
    expect((timedOut as Error).message).toMatch(/timed out after 2000 ms/);
    double.failNext('promo_code.show', { hangUp: true });
    await expect(loyalty.showPromoCode(call(), { code: 'HDR1' })).rejects.toBeInstanceOf(UpstreamFailed);
  });

  it('logs every call to audit.external_call, outside the caller transaction', async () => {
    // Earlier tests' calls may still be on their way to the log: let them land before clearing it.
    await (loyalty as RemoteLoyalty).flushLog();
    await app.db.query(`delete from audit.external_call`);
    await register('LOG1');
    await loyalty.showPromoCode(call({ aggregateId: 'ORD-0009' }), { code: 'NOPE' }).catch(() => undefined);
    double.failNext('promo_code.show', { status: 422, body: { detail: { refused: true, code: 'X' } } });
    await loyalty.showPromoCode(call(), { code: 'LOG1' }).catch(() => undefined);
    await app.db
      .transaction(async (tx) => {
        await loyalty.showPromoCode(call({ tx }), { code: 'LOG1' });
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await (loyalty as RemoteLoyalty).flushLog();
    // Calls are logged in the background, so rows may land in any order: compare as a set.
    const byText = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(byText((await externalCalls()).map((r) => [r.operation, r.status, r.aggregate_id]))).toEqual(
      byText([
        ['promo_code.register', 'ok', null],
        ['promo_code.show', 'not_found', 'ORD-0009'],
        ['promo_code.show', 'refused', null],
        ['promo_code.show', 'ok', null],
      ]),
    );
  });

  it('registers a customer (key cust:<id>) before its first claim or issue', async () => {
    await register('CUS1', 'multi_use');
    await loyalty.claimOffer(call({ idempotencyKey: 'ORD-0100:claim' }), { customerId: 'CUST-0000abcd', code: 'CUS1' });
    await loyalty.claimOffer(call({ idempotencyKey: 'ORD-0101:claim' }), { customerId: 'CUST-0000abcd', code: 'CUS1' });
    expect(double.calls.map((c) => [c.tool, c.idempotencyKey])).toEqual([
      ['promo_code.register', 'CUS1:code'],
      ['customer.register', 'cust:CUST-0000abcd'],
      ['offer.claim', 'ORD-0100:claim'],
      ['offer.claim', 'ORD-0101:claim'],
    ]);
    expect(double.callsTo('offer.claim')[0].body).toEqual({ customer_id: 'CUST-0000abcd', source: { type: 'promo_code', code: 'CUS1' } });
  });

  it('20 concurrent claims of a single_use_shared code: exactly one succeeds; a retry replays its key', async () => {
    await register('RACE1');
    const results = await Promise.allSettled(CUSTOMERS.map((customerId, i) => loyalty.claimOffer(call({ idempotencyKey: `ORD-1${i}:claim` }), { customerId, code: 'RACE1' })));
    const won = results.filter((r): r is PromiseFulfilledResult<{ offerId: string }> => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => ((r as PromiseRejectedResult).reason as PolicyViolation).rule)).toEqual(Array(19).fill('offer.claim.code_exhausted'));
    const winner = results.indexOf(won[0]);
    expect(await loyalty.claimOffer(call({ idempotencyKey: `ORD-1${winner}:claim` }), { customerId: CUSTOMERS[winner], code: 'RACE1' })).toEqual(won[0].value);
    await expect(loyalty.showPromoCode(call(), { code: 'RACE1' })).rejects.toMatchObject({ rule: 'promo_code.show.exhausted' });
  });

  it('speaks the offer FSM: issue, advance, redeem, revoke, expire, list', async () => {
    const issued = await loyalty.issueOffer(call({ idempotencyKey: 'OFF-A' }), { offerId: 'OFF-A', offerDefinitionId: 'OD_P', customerId: CUSTOMERS[0], campaignId: 'PROMO_P' });
    expect(issued).toEqual({ offerId: 'OFF-A', offerDefinitionId: 'OD_P', customerId: CUSTOMERS[0], state: 'issued', sourceType: 'campaign', sourceCode: null, orderRef: null });
    expect(double.callsTo('offer.issue')[0].body).toEqual({ offer_id: 'OFF-A', offer_definition_id: 'OD_P', customer_id: CUSTOMERS[0], source: { type: 'campaign', campaign_id: 'PROMO_P' } });
    await expect(loyalty.redeemOffer(call({ idempotencyKey: 'r1' }), { offerId: 'OFF-A', orderRef: 'ORD-1' })).rejects.toMatchObject({ rule: 'offer.redeem.illegal_state' });
    expect(await loyalty.advanceToClaimed(call({ idempotencyKey: 'ORD-1:claim' }), { offerId: 'OFF-A', orderRef: 'ORD-1' })).toMatchObject({ state: 'claimed', orderRef: 'ORD-1' });
    await expect(loyalty.expireOffer(call({ idempotencyKey: 'e1' }), { offerId: 'OFF-A' })).rejects.toMatchObject({ rule: 'offer.expire.illegal_state' });
    expect(await loyalty.revokeOffer(call({ idempotencyKey: 'ORD-1:revoke' }), { offerId: 'OFF-A', reason: 'order_cancelled', orderRef: 'ORD-1' })).toMatchObject({ state: 'revoked' });
    expect(double.callsTo('offer.revoke')[0].body).toEqual({ offer_id: 'OFF-A', reason: 'order_cancelled', order_ref: 'ORD-1' });
    const page = await loyalty.listOffers(call(), { customerId: CUSTOMERS[0], limit: 500 });
    expect(double.callsTo('offer.list')[0].body).toEqual({ customer_id: CUSTOMERS[0], limit: 100, offset: 0 });
    expect(page.rows.find((r) => r.offerId === 'OFF-A')).toMatchObject({ state: 'revoked' });
  });
});
