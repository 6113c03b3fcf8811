import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuditQueries } from '@bss/audit';
import { AttestKycCommand } from '@bss/crm';
import { AddPaymentCardCommand } from '@bss/payment';
import { SimulateUsageCommand } from '@bss/subscription';
import { Database, JobQueue } from '@bss/platform';
import { runWithAuth } from '@bss/policies';
import { createTestDatabase } from '@bss/testing';
import { createHttpApp } from '@bss/web';
import { TmfApiAppModule } from './app.module';
import { expectOfficialShape } from './testing/official-schemas';

process.env.BSS_PROVISIONING_DELAY_SCALE = '0';
const API_TOKEN = 'a'.repeat(48);
const PARTNER_TOKEN = 'c'.repeat(48);

describe('tmf-api: a partner sells a line end to end over TMF Open APIs', () => {
  let app: NestFastifyApplication;
  let base: string;

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = { 'x-bss-api-token': PARTNER_TOKEN }) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };

  beforeAll(async () => {
    process.env.BSS_API_TOKEN = API_TOKEN;
    process.env.BSS_PARTNER_ACME_API_TOKEN = PARTNER_TOKEN;
    const url = await createTestDatabase();
    app = await createHttpApp(TmfApiAppModule.forRoot({ databaseUrl: url, workers: false }), { logRequests: false });
    await app.init();
    await app.get(Database).seed();
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = await app.getUrl();
    base = base.replace('[::1]', '127.0.0.1');
  });
  afterAll(() => app.close());

  it('lists offerings, creates an individual, orders a line, reads its service order, balance, top-up and usage', async () => {
    // TMF620: what can be sold.
    const offerings = await call('GET', '/tmf-api/productCatalogManagement/v2/productOffering');
    expect(offerings.status).toBe(200);
    expect(offerings.body.length).toBeGreaterThan(0);
    expect(offerings.headers.get('x-total-count')).toBe(String(offerings.body.length));
    for (const offering of offerings.body) expectOfficialShape('tmf620', 'ProductOffering', offering);
    expect(offerings.body.map((o: { id: string }) => o.id)).toContain('PLAN_M');
    const prices = await call('GET', '/tmf-api/productCatalogManagement/v2/productOfferingPrice?priceType=recurring');
    expect(prices.status).toBe(200);
    for (const price of prices.body) expectOfficialShape('tmf620', 'ProductOfferingPrice', price);
    const planMPrice = offerings.body.find((o: { id: string }) => o.id === 'PLAN_M').productOfferingPrice[0];
    expect(prices.body).toContainEqual(planMPrice);
    expect((await call('GET', `/tmf-api/productCatalogManagement/v2/productOfferingPrice/${planMPrice.id}`)).body).toEqual(planMPrice);
    for (const [path, definition] of [['catalog', 'Catalog'], ['category', 'Category'], ['productSpecification', 'ProductSpecification']]) {
      const list = await call('GET', `/tmf-api/productCatalogManagement/v2/${path}`);
      expect(list.status).toBe(200);
      expect(list.body.length).toBeGreaterThan(0);
      for (const item of list.body) expectOfficialShape('tmf620', definition, item);
      const one = await call('GET', `/tmf-api/productCatalogManagement/v2/${path}/${list.body[0].id}`);
      expect(one.body).toEqual(list.body[0]);
    }

    // TMF632: the customer.
    const individual = await call('POST', '/tmf-api/party/v4/individual', {
      givenName: 'Ada',
      familyName: 'Lovelace',
      birthDate: '1990-12-10',
      contactMedium: [{ mediumType: 'email', preferred: true, characteristic: { emailAddress: 'ada.tmf@example.com' } }],
    });
    expect(individual.status).toBe(201);
    expectOfficialShape('tmf632', 'Individual', individual.body);
    expect(individual.headers.get('location')).toBe(individual.body.href);
    const customerId: string = individual.body.id;

    // Setup outside TMF (KYC attestation and card on file have no route in these six APIs).
    await runWithAuth({ actor: 'test-setup', channel: 'cli' }, async () => {
      await app.get(AttestKycCommand).execute({
        customerId,
        provider: 'prebaked',
        providerReference: 'PB-tmf-1',
        documentType: 'passport',
        documentNumber: 'E1234567890',
        attestationPayload: { signature: 'sig-tmf-1' },
      });
      await app.get(AddPaymentCardCommand).execute({ customerId, cardNumber: '4242424242424242', expMonth: 12, expYear: 2099 });
    });

    // TMF622: place the order.
    const placed = await call('POST', '/tmf-api/productOrdering/v4/productOrder', {
      relatedParty: [{ id: customerId, href: individual.body.href, role: 'customer' }],
      orderItem: [{ id: '1', action: 'add', productOffering: { id: 'PLAN_M', href: '/tmf-api/productCatalogManagement/v2/productOffering/PLAN_M' } }],
    });
    expect(placed.status).toBe(201);
    expectOfficialShape('tmf622', 'ProductOrder', placed.body);
    expect(placed.body.state).toBe('inProgress');
    expect(placed.headers.get('location')).toBe(placed.body.href);

    await app.get(JobQueue).drain();

    const order = await call('GET', `/tmf-api/productOrdering/v4/productOrder/${placed.body.id}`);
    expect(order.status).toBe(200);
    expectOfficialShape('tmf622', 'ProductOrder', order.body);
    expect(order.body.state).toBe('completed');
    const lineId: string = order.body.orderItem[0].product.id;
    expect(lineId).toMatch(/^SUB-\d{4,}$/);

    // TMF641: the SOM decomposition of that order.
    const serviceOrders = await call('GET', `/tmf-api/serviceOrdering/v3/serviceOrder?externalId=${placed.body.id}`);
    expect(serviceOrders.status).toBe(200);
    expect(serviceOrders.body).toHaveLength(1);
    const serviceOrder = await call('GET', `/tmf-api/serviceOrdering/v3/serviceOrder/${serviceOrders.body[0].id}`);
    expect(serviceOrder.status).toBe(200);
    expectOfficialShape('tmf641', 'ServiceOrder', serviceOrder.body);
    expect(serviceOrder.body).toMatchObject({ state: 'completed', externalId: placed.body.id });
    expect(serviceOrder.body.orderItem[0].service.serviceRelationship).toHaveLength(2);

    // TMF654: balance, then a top-up (a VAS purchase on the card on file).
    const buckets = await call('GET', `/tmf-api/prepayBalanceManagement/v2/product/${lineId}/bucket`);
    expect(buckets.status).toBe(200);
    for (const bucket of buckets.body) expectOfficialShape('tmf654', 'BucketBalance', bucket);
    const dataBefore = buckets.body.find((b: { bucketType: string }) => b.bucketType === 'data').remainedAmount.amount;

    const topUp = await call('POST', '/tmf-api/prepayBalanceManagement/v2/balanceTopup', {
      type: 'VAS_DATA_1GB',
      channel: { id: 'acme-pos', href: 'https://acme.example/channel/pos' },
      amount: { amount: 1024, units: 'MB' },
      product: { id: lineId, href: `/tmf-api/prepayBalanceManagement/v2/product/${lineId}/bucket` },
    });
    expect(topUp.status).toBe(201);
    expectOfficialShape('tmf654', 'BalanceTopupRequest', topUp.body);
    expect(topUp.body).toMatchObject({ status: 'confirmed', type: 'VAS_DATA_1GB', channel: { id: 'acme-pos' } });

    const readBack = await call('GET', `/tmf-api/prepayBalanceManagement/v2/balanceTopup/${topUp.body.id}`);
    expect(readBack.status).toBe(200);
    expectOfficialShape('tmf654', 'BalanceTopupRequest', readBack.body);

    const topUps = await call('GET', `/tmf-api/prepayBalanceManagement/v2/balanceTopup?product.id=${lineId}`);
    expect(topUps.body.map((t: { id: string }) => t.id)).toEqual([topUp.body.id]);

    const dataBucket = await call('GET', `/tmf-api/prepayBalanceManagement/v2/bucket/${lineId}.data`);
    expect(dataBucket.status).toBe(200);
    expectOfficialShape('tmf654', 'BucketBalance', dataBucket.body);
    expect(dataBucket.body.remainedAmount.amount).toBe(dataBefore + 1024);

    const accumulated = await call('GET', `/tmf-api/prepayBalanceManagement/v2/accumulatedbalance?name=data&product.id=${lineId}`);
    expect(accumulated.status).toBe(200);
    expectOfficialShape('tmf654', 'AccumulatedBalance', accumulated.body);
    expect(accumulated.body.totalBalance).toEqual({ amount: dataBefore + 1024, units: dataBucket.body.remainedAmount.units });
    expect((await call('GET', `/tmf-api/prepayBalanceManagement/v2/accumulatedbalance/${lineId}?name=data`)).body).toEqual(accumulated.body);
    expect((await call('GET', `/tmf-api/prepayBalanceManagement/v2/accumulatedbalance/${lineId}?name=nothing`)).status).toBe(404);
    expect((await call('GET', `/tmf-api/prepayBalanceManagement/v2/accumulatedbalance/${lineId}`)).status).toBe(400);

    const topUpStatus = await call('GET', `/tmf-api/prepayBalanceManagement/v2/balanceTopup/${topUp.body.id}/status`);
    expect(topUpStatus.status).toBe(200);
    expectOfficialShape('tmf654', 'BalanceTopupStatusType', topUpStatus.body);
    expect(topUpStatus.body.status).toBe('confirmed');
    expect((await call('GET', `/tmf-api/prepayBalanceManagement/v2/product/${lineId}/balanceTopup/${topUp.body.id}/status`)).body).toEqual(topUpStatus.body);
    expect((await call('GET', `/tmf-api/prepayBalanceManagement/v2/product/SUB-9999/balanceTopup/${topUp.body.id}/status`)).status).toBe(404);

    // TMF677: usage (the network's mediation records 300 MB first).
    const msisdn: string = dataBucket.body.product[0].name;
    await runWithAuth({ actor: 'test-mediation', channel: 'system' }, () => app.get(SimulateUsageCommand).execute({ msisdn, eventType: 'data', quantity: 300, eventId: 'cdr-tmf-1' }));
    const usage = await call('GET', `/tmf-api/usageConsumption/v4/usageConsumptionReport?bucket.product.id=${lineId}`);
    expect(usage.status).toBe(200);
    expect(usage.body).toHaveLength(1);
    expectOfficialShape('tmf677', 'UsageConsumptionReport', usage.body[0]);
    const dataUsage = usage.body[0].bucket.find((b: { usageType: string }) => b.usageType === 'data');
    expect(dataUsage.bucketCounter[0].value.amount).toBe(300);
    expect(dataUsage.bucketBalance[0].remainingValue.amount).toBe(dataBefore + 1024 - 300);

    // TMF654 balance activity: the top-up and the rated usage, newest first.
    const activity = await call('GET', `/tmf-api/prepayBalanceManagement/v2/balanceActivity?prod.id=${lineId}`);
    expect(activity.status).toBe(200);
    for (const item of activity.body) expectOfficialShape('tmf654', 'BalanceActivity', item);
    expect(activity.body.map((a: { type: string; amount: { amount: number } }) => [a.type, a.amount.amount])).toEqual([
      ['usage', -300],
      ['topup', 1024],
    ]);
    const topUpsOnly = await call('GET', `/tmf-api/prepayBalanceManagement/v2/product/${lineId}/balanceActivity?type=topup`);
    expect(topUpsOnly.body.map((a: { action: { id: string } }) => a.action.id)).toEqual([topUp.body.id]);
    expect((await call('GET', '/tmf-api/prepayBalanceManagement/v2/balanceActivity')).status).toBe(400);

    // Every write of the partner is stamped with its service identity.
    const audit = await runWithAuth({ actor: 'test' }, () => app.get(AuditQueries).list({ limit: 500 }));
    const byType = (type: string) => audit.find((e) => e.eventType === type);
    expect(byType('customer.created')?.serviceIdentity).toBe('partner_acme');
    expect(byType('order.created')?.serviceIdentity).toBe('partner_acme');
    expect(audit.filter((e) => e.aggregateId === topUp.body.id || e.eventType.startsWith('subscription.vas')).every((e) => e.serviceIdentity === 'partner_acme')).toBe(true);
  });

  it('answers 401 in the TMF error shape without a token or with a wrong one', async () => {
    for (const headers of [{}, { 'x-bss-api-token': 'z'.repeat(48) }] as Record<string, string>[]) {
      const res = await call('GET', '/tmf-api/productCatalogManagement/v2/productOffering', undefined, headers);
      expect(res.status).toBe(401);
      expectOfficialShape('tmf632', 'Error', res.body);
      expect(res.body).toMatchObject({ code: 'UNAUTHORIZED', status: '401' });
    }
  });

  it('answers malformed bodies with a 400 TMF error, never a 5xx', async () => {
    const bad = [
      ['POST', '/tmf-api/productOrdering/v4/productOrder', '{"orderItem": ['],
      ['POST', '/tmf-api/productOrdering/v4/productOrder', '[]'],
      ['POST', '/tmf-api/productOrdering/v4/productOrder', { orderItem: 'one' }],
      ['POST', '/tmf-api/productOrdering/v4/productOrder', { orderItem: [{ id: '1', action: 'add', productOffering: { id: 'PLAN_M' } }] }],
      ['POST', '/tmf-api/party/v4/individual', { givenName: 42 }],
      ['POST', '/tmf-api/party/v4/individual', 'null'],
      ['POST', '/tmf-api/prepayBalanceManagement/v2/balanceTopup', { type: 'VAS_DATA_1GB' }],
      ['GET', '/tmf-api/productCatalogManagement/v2/productOffering?limit=-1', undefined],
    ] as const;
    for (const [method, path, body] of bad) {
      const res = await call(method, path, body);
      expect({ path, body, status: res.status }).toEqual({ path, body, status: 400 });
      expectOfficialShape('tmf632', 'Error', res.body);
    }
  });

  it('maps a policy refusal to 422 with the rule id in code, and an unknown id to 404', async () => {
    const individual = await call('POST', '/tmf-api/party/v4/individual', {
      givenName: 'Grace',
      familyName: 'Hopper',
      contactMedium: [{ mediumType: 'email', characteristic: { emailAddress: 'grace.tmf@example.com' } }],
    });
    const refused = await call('POST', '/tmf-api/productOrdering/v4/productOrder', {
      relatedParty: [{ id: individual.body.id, role: 'customer' }],
      orderItem: [{ id: '1', action: 'add', productOffering: { id: 'PLAN_M' } }],
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toMatch(/^order\./);
    expectOfficialShape('tmf632', 'Error', refused.body);

    const missing = await call('GET', '/tmf-api/productCatalogManagement/v2/productOffering/NO_SUCH_PLAN');
    expect(missing.status).toBe(404);
    expectOfficialShape('tmf632', 'Error', missing.body);
  });

  it('pages with offset/limit and counts, filters by simple attributes, and selects fields', async () => {
    const all = await call('GET', '/tmf-api/productCatalogManagement/v2/productOffering');
    const page = await call('GET', '/tmf-api/productCatalogManagement/v2/productOffering?offset=1&limit=1&fields=name');
    expect(page.status).toBe(200);
    expect(page.headers.get('x-total-count')).toBe(String(all.body.length));
    expect(page.headers.get('x-result-count')).toBe('1');
    expect(page.body).toEqual([{ id: all.body[1].id, href: all.body[1].href, '@type': 'ProductOffering', name: all.body[1].name }]);

    const filtered = await call('GET', '/tmf-api/productCatalogManagement/v2/productOffering?name=' + encodeURIComponent(all.body[0].name));
    expect(filtered.body.map((o: { id: string }) => o.id)).toEqual([all.body[0].id]);
  });

  it('patches an individual as a merge-patch, and DELETE closes the customer', async () => {
    const individual = await call('POST', '/tmf-api/party/v4/individual', {
      givenName: 'Alan',
      familyName: 'Turing',
      contactMedium: [{ mediumType: 'email', characteristic: { emailAddress: 'alan.tmf@example.com' } }],
    });
    const res = await fetch(`${base}/tmf-api/party/v4/individual/${individual.body.id}`, {
      method: 'PATCH',
      headers: { 'x-bss-api-token': PARTNER_TOKEN, 'content-type': 'application/merge-patch+json' },
      body: JSON.stringify({ familyName: 'Mathison Turing' }),
    });
    expect(res.status).toBe(200);
    const patched = await res.json();
    expectOfficialShape('tmf632', 'Individual', patched);
    expect(patched).toMatchObject({ givenName: 'Alan', familyName: 'Mathison Turing' });

    const closed = await call('DELETE', `/tmf-api/party/v4/individual/${individual.body.id}`);
    expect(closed.status).toBe(204);
    expect((await call('GET', `/tmf-api/party/v4/individual/${individual.body.id}`)).status).toBe(200);
  });
});
