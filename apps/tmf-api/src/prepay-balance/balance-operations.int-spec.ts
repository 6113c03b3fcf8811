import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuditQueries } from '@bss/audit';
import { AttestKycCommand } from '@bss/crm';
import { AddPaymentCardCommand } from '@bss/payment';
import { Clock, Database, JobQueue } from '@bss/platform';
import { runAsWorker, runWithAuth } from '@bss/policies';
import { ExpireReservationsCommand } from '@bss/subscription';
import { createTestDatabase } from '@bss/testing';
import { createHttpApp } from '@bss/web';
import { TmfApiAppModule } from '#tmf-api/app.module';
import { expectOfficialShape } from '#tmf-api/testing/official-schemas';

process.env.BSS_PROVISIONING_DELAY_SCALE = '0';
const ACME_TOKEN = 'p'.repeat(48);
const BETA_TOKEN = 'q'.repeat(48);
const BASE = '/tmf-api/prepayBalanceManagement/v2';

describe('tmf-api TMF654 balance operations: adjustments, transfers and the status PUTs, partner-scoped', () => {
  let app: NestFastifyApplication;
  let base: string;
  const acme = { customerId: '', lines: [] as { id: string; msisdn: string }[] };
  let betaLine: string;

  const call = async (token: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'x-bss-api-token': token, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };
  const data = async (lineId: string) =>
    (await call(ACME_TOKEN, 'GET', `${BASE}/product/${lineId}/bucket`)).body.find((b: { bucketType: string }) => b.bucketType === 'data').remainedAmount.amount as number;

  async function customer(token: string, tag: string): Promise<string> {
    const individual = await call(token, 'POST', '/tmf-api/party/v4/individual', { givenName: `Holder ${tag}`, familyName: 'Balance', contactMedium: [{ mediumType: 'email', characteristic: { emailAddress: `holder.${tag}@example.com` } }] });
    expect(individual.status).toBe(201);
    const customerId: string = individual.body.id;
    await runWithAuth({ actor: 'test-setup', channel: 'cli' }, async () => {
      await app.get(AttestKycCommand).execute({ customerId, provider: 'prebaked', providerReference: `PB-bal-${tag}`, documentType: 'passport', documentNumber: `E55${tag.charCodeAt(0)}0${tag.length}99`, attestationPayload: { signature: `sig-${tag}` } });
      await app.get(AddPaymentCardCommand).execute({ customerId, cardNumber: '4242424242424242', expMonth: 12, expYear: 2099 });
    });
    return customerId;
  }

  async function line(token: string, customerId: string): Promise<{ id: string; msisdn: string }> {
    const order = await call(token, 'POST', '/tmf-api/productOrdering/v4/productOrder', { relatedParty: [{ id: customerId, role: 'customer' }], orderItem: [{ id: '1', action: 'add', productOffering: { id: 'PLAN_S' } }] });
    expect(order.status).toBe(201);
    await app.get(JobQueue).drain();
    const placed = await call(token, 'GET', `/tmf-api/productOrdering/v4/productOrder/${order.body.id}`);
    expect(placed.body.state).toBe('completed');
    const id: string = placed.body.orderItem[0].product.id;
    const buckets = await call(token, 'GET', `${BASE}/product/${id}/bucket`);
    return { id, msisdn: buckets.body[0].product[0].name };
  }

  beforeAll(async () => {
    process.env.BSS_API_TOKEN = 'a'.repeat(48);
    process.env.BSS_PARTNER_ACME_API_TOKEN = ACME_TOKEN;
    process.env.BSS_PARTNER_BETA_API_TOKEN = BETA_TOKEN;
    app = await createHttpApp(TmfApiAppModule.forRoot({ databaseUrl: await createTestDatabase(), workers: false }), { logRequests: false });
    await app.init();
    await app.get(Database).seed();
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    acme.customerId = await customer(ACME_TOKEN, 'acme');
    acme.lines.push(await line(ACME_TOKEN, acme.customerId), await line(ACME_TOKEN, acme.customerId));
    betaLine = (await line(BETA_TOKEN, await customer(BETA_TOKEN, 'beta'))).id;
  });
  afterAll(() => app.close());

  it('adjusts a bucket (create, list, get, also under the product), audited with the partner identity', async () => {
    const [first] = acme.lines;
    const before = await data(first.id);
    const credit = await call(ACME_TOKEN, 'POST', `${BASE}/balanceAdjustment`, { type: 'data', reason: 'goodwill for the outage', amount: { amount: 500, units: 'MB' }, product: { id: first.id, href: `${BASE}/product/${first.id}/bucket` } });
    expect(credit.status).toBe(201);
    expectOfficialShape('tmf654', 'BalanceAdjustmentRequest', credit.body);
    expect(credit.headers.get('location')).toBe(credit.body.href);
    expect(credit.body).toMatchObject({ type: 'data', amount: { amount: 500, units: 'mb' }, requestor: { name: 'partner_acme' }, product: { id: first.id } });
    expect(await data(first.id)).toBe(before + 500);

    const debit = await call(ACME_TOKEN, 'POST', `${BASE}/product/${first.id}/balanceAdjustment`, { type: 'data', reason: 'mis-rated session', amount: { amount: -200, units: 'mb' } });
    expect(debit.status).toBe(201);
    expect(await data(first.id)).toBe(before + 300);

    for (const path of [`${BASE}/balanceAdjustment?product.id=${first.id}`, `${BASE}/product/${first.id}/balanceAdjustment`]) {
      const list = await call(ACME_TOKEN, 'GET', path);
      expect(list.status).toBe(200);
      expect(list.headers.get('x-total-count')).toBe('2');
      for (const item of list.body) expectOfficialShape('tmf654', 'BalanceAdjustmentRequest', item);
    }
    const one = await call(ACME_TOKEN, 'GET', `${BASE}/balanceAdjustment/${credit.body.id}`);
    expect(one.body).toEqual(credit.body);
    expect((await call(ACME_TOKEN, 'GET', `${BASE}/product/${first.id}/balanceAdjustment/${credit.body.id}`)).body).toEqual(credit.body);
    expect((await call(ACME_TOKEN, 'GET', `${BASE}/product/${acme.lines[1].id}/balanceAdjustment/${credit.body.id}`)).status).toBe(404);

    const [event] = await app.get(AuditQueries).list({ aggregateId: first.id, eventType: 'subscription.balance_adjusted', limit: 1 });
    expect(event).toMatchObject({ serviceIdentity: 'partner_acme' });
  });

  it('refuses an overdraw with its rule (422), a malformed body with 400, and answers another partner with 404', async () => {
    const [first] = acme.lines;
    const overdraw = await call(ACME_TOKEN, 'POST', `${BASE}/balanceAdjustment`, { type: 'data', reason: 'too much', amount: { amount: -1_000_000, units: 'mb' }, product: { id: first.id } });
    expect(overdraw.status).toBe(422);
    expect(overdraw.body).toMatchObject({ code: expect.stringMatching(/^subscription\.adjust_balance\./), status: '422' });
    const malformed = await call(ACME_TOKEN, 'POST', `${BASE}/balanceAdjustment`, { type: 'gold', reason: 'x', amount: { amount: 1, units: 'mb' }, product: { id: first.id } });
    expect(malformed.status).toBe(400);
    const foreign = await call(BETA_TOKEN, 'POST', `${BASE}/balanceAdjustment`, { type: 'data', reason: 'not mine', amount: { amount: 10, units: 'mb' }, product: { id: first.id } });
    const unknown = await call(BETA_TOKEN, 'POST', `${BASE}/balanceAdjustment`, { type: 'data', reason: 'not mine', amount: { amount: 10, units: 'mb' }, product: { id: 'SUB-9999' } });
    expect(foreign.status).toBe(404);
    expect(foreign.body.message).toBe(unknown.body.message.replace('SUB-9999', first.id));
    const listed = (await call(ACME_TOKEN, 'GET', `${BASE}/balanceAdjustment?product.id=${first.id}`)).body[0].id;
    expect((await call(BETA_TOKEN, 'GET', `${BASE}/balanceAdjustment/${listed}`)).status).toBe(404);
  });

  it('transfers data between two lines of one customer (by line id or MSISDN), lists and reads it; status stays confirmed', async () => {
    const [giver, receiver] = acme.lines;
    const [giverBefore, receiverBefore] = [await data(giver.id), await data(receiver.id)];
    const moved = await call(ACME_TOKEN, 'POST', `${BASE}/balanceTransfer`, { type: 'data', channel: { id: 'acme-app', href: 'https://acme.example/app' }, targetId: receiver.msisdn, amount: { amount: 1024, units: 'mb' }, product: { id: giver.id, href: `${BASE}/product/${giver.id}/bucket` } });
    expect(moved.status).toBe(201);
    expectOfficialShape('tmf654', 'BalanceTransferRequest', moved.body);
    expect(moved.body).toMatchObject({ status: 'confirmed', targetId: receiver.id, amount: { amount: 1024 } });
    expect([await data(giver.id), await data(receiver.id)]).toEqual([giverBefore - 1024, receiverBefore + 1024]);

    const again = await call(ACME_TOKEN, 'POST', `${BASE}/${giver.id}/balanceTransfer`, { type: 'data', channel: { id: 'acme-app', href: 'https://acme.example/app' }, targetId: receiver.id, amount: { amount: 1, units: 'mb' } });
    expect(again.status).toBe(201);
    for (const path of [`${BASE}/balanceTransfer?product.id=${receiver.id}`, `${BASE}/product/${giver.id}/balanceTransfer`]) {
      const list = await call(ACME_TOKEN, 'GET', path);
      expect(list.headers.get('x-total-count')).toBe('2');
      for (const item of list.body) expectOfficialShape('tmf654', 'BalanceTransferRequest', item);
    }
    expect((await call(ACME_TOKEN, 'GET', `${BASE}/balanceTransfer/${moved.body.id}`)).body).toEqual(moved.body);
    const status = await call(ACME_TOKEN, 'GET', `${BASE}/balanceTransfer/${moved.body.id}/status`);
    expectOfficialShape('tmf654', 'BalanceTransferRequest', status.body);

    expect((await call(ACME_TOKEN, 'PUT', `${BASE}/balanceTransfer/${moved.body.id}/status`, { status: 'confirmed' })).status).toBe(204);
    const cancel = await call(ACME_TOKEN, 'PUT', `${BASE}/balanceTransfer/${moved.body.id}/status`, { status: 'cancelled' });
    expect(cancel).toMatchObject({ status: 422, body: { code: 'subscription.transfer_balance.final' } });
    expect((await call(ACME_TOKEN, 'PUT', `${BASE}/balanceTransfer/${moved.body.id}/status`, {})).status).toBe(400);
    expect((await call(BETA_TOKEN, 'PUT', `${BASE}/balanceTransfer/${moved.body.id}/status`, { status: 'cancelled' })).status).toBe(404);
    expect((await call(BETA_TOKEN, 'GET', `${BASE}/balanceTransfer/${moved.body.id}`)).status).toBe(404);

    // Another customer's line (here another partner's) is not a receiver: 404, nothing moves.
    const stranger = await call(ACME_TOKEN, 'POST', `${BASE}/balanceTransfer`, { type: 'data', channel: { id: 'acme-app', href: 'https://acme.example/app' }, targetId: betaLine, amount: { amount: 1, units: 'mb' }, product: { id: giver.id } });
    expect(stranger.status).toBe(404);
    expect(await data(giver.id)).toBe(giverBefore - 1025);
  });

  it('a top-up status is final: confirmed is a no-op, anything else the rule’s 422, a foreign top-up 404', async () => {
    const [first, second] = acme.lines;
    const topUp = await call(ACME_TOKEN, 'POST', `${BASE}/balanceTopup`, { type: 'VAS_DATA_1GB', product: { id: first.id } });
    expect(topUp.status).toBe(201);
    expect((await call(ACME_TOKEN, 'PUT', `${BASE}/balanceTopup/${topUp.body.id}/status`, { status: 'confirmed' })).status).toBe(204);
    const cancel = await call(ACME_TOKEN, 'PUT', `${BASE}/product/${first.id}/balanceTopup/${topUp.body.id}/status`, { status: 'cancelled' });
    expect(cancel).toMatchObject({ status: 422, body: { code: 'subscription.vas.purchase_final' } });
    expect((await call(ACME_TOKEN, 'PUT', `${BASE}/product/${second.id}/balanceTopup/${topUp.body.id}/status`, { status: 'cancelled' })).status).toBe(404);
    expect((await call(BETA_TOKEN, 'PUT', `${BASE}/balanceTopup/${topUp.body.id}/status`, { status: 'cancelled' })).status).toBe(404);
    expect((await call(ACME_TOKEN, 'PUT', `${BASE}/balanceTopup/${topUp.body.id}/status`, { state: 'x' })).status).toBe(400);
  });

  it('reserves, unreserves and deducts for online charging; deducted usage is rated and shows in the balance activity', async () => {
    const [, second] = acme.lines;
    const ocs = { role: 'chargingSystem', name: 'acme-ocs' };
    const before = await data(second.id);
    const reserve = (id: string, amount: number) => call(ACME_TOKEN, 'POST', `${BASE}/balanceReserve`, { id, relatedParty: ocs, reservedAmount: { amount, units: 'MB' }, bucket: { id: `${second.id}.data`, href: `${BASE}/bucket/${second.id}.data` } });
    const held = await reserve('ocs-session-1', 400);
    expect(held.status).toBe(201);
    expectOfficialShape('tmf654', 'BalanceReserveRequest', held.body);
    expect(held.body).toMatchObject({ id: expect.stringMatching(/^RSV-/), reservedAmount: { amount: 400 }, remainedAmount: { amount: before - 400 } });
    expect(await data(second.id)).toBe(before - 400);

    const released = await call(ACME_TOKEN, 'POST', `${BASE}/balanceUnreserve`, { id: 'ocs-release-1', relatedParty: ocs, balanceReserve: { id: held.body.id, href: held.body.href } });
    expect(released.status).toBe(201);
    expectOfficialShape('tmf654', 'BalanceUnreserveRequest', released.body);
    expect(await data(second.id)).toBe(before);
    const twice = await call(ACME_TOKEN, 'POST', `${BASE}/balanceUnreserve`, { id: 'ocs-release-2', relatedParty: ocs, balanceReserve: { id: held.body.id, href: held.body.href } });
    expect(twice).toMatchObject({ status: 422, body: { code: 'subscription.release_reservation.reservation_held' } });

    const session = await call(ACME_TOKEN, 'POST', `${BASE}/balanceReserve`, { id: 'ocs-session-2', relatedParty: ocs, reservedAmount: { amount: 300, units: 'mb' }, product: { id: second.id } });
    expect(session.status).toBe(201);
    const deducted = await call(ACME_TOKEN, 'POST', `${BASE}/balanceDeduct`, { id: 'ocs-deduct-2', reason: 'session ended', relatedParty: ocs, balanceReserve: { id: session.body.id, href: session.body.href }, deductAmount: { amount: 120, units: 'mb' } });
    expect(deducted.status).toBe(201);
    expectOfficialShape('tmf654', 'BalanceDeductRequest', deducted.body);
    expect(deducted.body).toMatchObject({ deductAmount: { amount: 120 }, balanceReserve: { id: session.body.id } });
    expect(await data(second.id)).toBe(before - 120);
    const activity = await call(ACME_TOKEN, 'GET', `${BASE}/product/${second.id}/balanceActivity?type=usage`);
    expect(activity.body.map((a: { amount: { amount: number } }) => a.amount.amount)).toContain(-120);

    expect((await call(BETA_TOKEN, 'POST', `${BASE}/balanceUnreserve`, { id: 'x', relatedParty: ocs, balanceReserve: { id: session.body.id, href: session.body.href } })).status).toBe(404);
    expect((await call(BETA_TOKEN, 'POST', `${BASE}/balanceReserve`, { id: 'x', relatedParty: ocs, reservedAmount: { amount: 1, units: 'mb' }, product: { id: second.id } })).status).toBe(404);
    expect((await call(ACME_TOKEN, 'POST', `${BASE}/balanceReserve`, { id: 'x', reservedAmount: { amount: 1, units: 'mb' }, product: { id: second.id } })).status).toBe(400);
    expect((await call(ACME_TOKEN, 'POST', `${BASE}/balanceReserve`, { id: 'x', relatedParty: ocs, reservedAmount: { amount: 10_000_000, units: 'mb' }, product: { id: second.id } }))).toMatchObject({ status: 422, body: { code: 'subscription.reserve_balance.enough_remaining' } });
  });

  it('a reservation lives for its validFor (default 15 minutes); past it the sweep returns the hold and unreserve/deduct answer 422', async () => {
    const [, second] = acme.lines;
    const ocs = { role: 'chargingSystem', name: 'acme-ocs' };
    const before = await data(second.id);
    const byDefault = await call(ACME_TOKEN, 'POST', `${BASE}/balanceReserve`, { id: 'ocs-session-3', relatedParty: ocs, reservedAmount: { amount: 50, units: 'mb' }, product: { id: second.id } });
    expect(byDefault.status).toBe(201);
    expectOfficialShape('tmf654', 'BalanceReserveRequest', byDefault.body);
    const { startDateTime, endDateTime } = byDefault.body.validFor as { startDateTime: string; endDateTime: string };
    expect(startDateTime).toBe(byDefault.body.requestedDate);
    expect(Date.parse(endDateTime) - Date.parse(startDateTime)).toBe(15 * 60 * 1000);
    expect(byDefault.body.isAutoDeduct).toBe(false);

    // validFor's length is the hold's lifetime (a duration, as Diameter's Validity-Time), counted from confirmation.
    const validFor = { startDateTime: '2030-06-01T10:00:00Z', endDateTime: '2030-06-01T10:02:00Z' };
    const short = await call(ACME_TOKEN, 'POST', `${BASE}/balanceReserve`, { id: 'ocs-session-4', relatedParty: ocs, reservedAmount: { amount: 70, units: 'mb' }, product: { id: second.id }, validFor });
    expect(short.status).toBe(201);
    expectOfficialShape('tmf654', 'BalanceReserveRequest', short.body);
    expect(Date.parse(short.body.validFor.endDateTime) - Date.parse(short.body.validFor.startDateTime)).toBe(120_000);
    for (const bad of [{ startDateTime: validFor.startDateTime }, { ...validFor, endDateTime: '2030-06-01T10:00:30Z' }, { ...validFor, endDateTime: '2030-06-03T10:00:00Z' }]) {
      const refused = await call(ACME_TOKEN, 'POST', `${BASE}/balanceReserve`, { id: 'x', relatedParty: ocs, reservedAmount: { amount: 1, units: 'mb' }, product: { id: second.id }, validFor: bad });
      expect(refused).toMatchObject({ status: 400, body: { code: 'INVALID_INPUT' } });
    }
    expect(await data(second.id)).toBe(before - 120);

    await app.get(Clock).advance('121s');
    const deductLate = await call(ACME_TOKEN, 'POST', `${BASE}/balanceDeduct`, { id: 'ocs-deduct-4', reason: 'late', relatedParty: ocs, balanceReserve: { id: short.body.id, href: short.body.href } });
    expect(deductLate).toMatchObject({ status: 422, body: { code: 'subscription.deduct_reservation.not_expired' } });
    const swept = await runAsWorker('reservation_sweeper', () => app.get(ExpireReservationsCommand).execute());
    expect(swept.expired).toEqual([short.body.id]);
    expect(await data(second.id)).toBe(before - 50);
    const unreserve = await call(ACME_TOKEN, 'POST', `${BASE}/balanceUnreserve`, { id: 'ocs-release-4', relatedParty: ocs, balanceReserve: { id: short.body.id, href: short.body.href } });
    expect(unreserve).toMatchObject({ status: 422, body: { code: 'subscription.release_reservation.reservation_held', message: `Reservation ${short.body.id} is already expired` } });

    const released = await call(ACME_TOKEN, 'POST', `${BASE}/balanceUnreserve`, { id: 'ocs-release-3', relatedParty: ocs, balanceReserve: { id: byDefault.body.id, href: byDefault.body.href } });
    expect(released.status).toBe(201);
    expect(await data(second.id)).toBe(before);
  });
});
