import { AuditQueries } from '@bss/audit';
import { createTestApp, type TestApp } from '@bss/testing';
import { CrmModule } from '#crm/crm.module';
import type { KycCorroboration } from '#crm/policies/kyc.policies';
import { KycCorroborationPort } from '#crm/ports/kyc-corroboration.port';
import { createTestCustomer, expectRuleAsync } from '#crm/testing';
import { AttestKycCommand, type AttestKycInput } from './attest-kyc.command';

const NOW = new Date('2026-01-01T12:00:00Z');
const RAW = 'S1234567D';

describe('AttestKycCommand', () => {
  let app: TestApp;
  let attest: AttestKycCommand;
  const webhooks = new Map<string, KycCorroboration>();

  const input = (customerId: string, overrides: Partial<AttestKycInput> = {}): AttestKycInput => ({
    customerId,
    provider: 'prebaked',
    providerReference: 'PB-1',
    documentType: 'nric',
    documentNumber: RAW,
    attestationPayload: { signature: 'hmac-abc', echoed: `doc ${RAW}` },
    ...overrides,
  });

  beforeAll(async () => {
    app = await createTestApp({ imports: [CrmModule] });
    await app.clock.freeze(NOW);
    attest = app.get(AttestKycCommand);
    // Stands in for the channel that stores provider webhooks.
    app.get(KycCorroborationPort).register(async (provider, id) => (webhooks.get(id)?.provider === provider ? webhooks.get(id)! : null));
  });
  afterAll(() => app.close());
  afterEach(() => {
    delete process.env.BSS_KYC_ALLOW_PREBAKED;
    delete process.env.BSS_ENV;
  });

  it('marks the customer verified and emits customer.kyc_attested without the document number', async () => {
    const customer = await createTestCustomer(app);
    const verified = await attest.execute(input(customer.id));
    expect(verified).toMatchObject({ kycStatus: 'verified', kycVerifiedAt: NOW, kycVerificationMethod: 'prebaked', kycReference: 'PB-1' });
    const [event] = await app.get(AuditQueries).list({ aggregateId: customer.id, eventType: 'customer.kyc_attested' });
    expect(event.payload).toMatchObject({ provider: 'prebaked', documentType: 'nric', documentCountry: 'SG' });
    expect(JSON.stringify(event)).not.toContain('1234567');
  });

  it('invariant 28: stores only last4 and a 64-hex hash; a second customer with the same document is refused', async () => {
    const first = await createTestCustomer(app);
    const second = await createTestCustomer(app);
    await attest.execute(input(first.id, { documentNumber: 'g7654321k' }));
    const [identity] = await app.db.query<Record<string, unknown>>(`select * from crm.customer_identity where customer_id = $1`, [first.id]);
    expect(identity).toMatchObject({ document_last4: '321K', document_country: 'SG', verified_by: 'prebaked' });
    expect(identity.document_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(identity).toUpperCase()).not.toContain('G7654321K');
    await expectRuleAsync(attest.execute(input(second.id, { documentNumber: 'G7654321K' })), 'customer.attest_kyc.document_hash_unique_per_tenant');
    expect((await app.db.query(`select 1 from crm.customer_identity where customer_id = $1`, [second.id])).length).toBe(0);
    // The same customer may re-attest the same document.
    await attest.execute(input(first.id, { documentNumber: 'G7654321K', providerReference: 'PB-2' }));
    expect(await app.db.query(`select provider_reference from crm.customer_identity where customer_id = $1`, [first.id])).toEqual([
      { provider_reference: 'PB-2' },
    ]);
  });

  it('accepts a document the channel fingerprinted already (last4 + hash)', async () => {
    const customer = await createTestCustomer(app);
    const verified = await attest.execute(input(customer.id, { documentNumber: undefined, documentNumberLast4: '999Z', documentNumberHash: 'b'.repeat(64) }));
    expect(verified.kycStatus).toBe('verified');
    await expectRuleAsync(attest.execute(input(customer.id, { documentNumber: undefined })), 'customer.attest_kyc.document_required');
  });

  it('refuses an unsigned, a stale, and a production prebaked attestation', async () => {
    const customer = await createTestCustomer(app);
    const rule = 'customer.attest_kyc.attestation_signature_valid';
    await expectRuleAsync(attest.execute(input(customer.id, { attestationPayload: {} })), rule);
    await expectRuleAsync(attest.execute(input(customer.id, { verifiedAt: new Date(NOW.getTime() - 31 * 60_000) })), rule);
    process.env.BSS_ENV = 'production';
    await expectRuleAsync(attest.execute(input(customer.id)), rule);
    process.env.BSS_KYC_ALLOW_PREBAKED = 'true';
    expect((await attest.execute(input(customer.id, { documentNumber: 'F1111111A' }))).kycStatus).toBe('verified');
  });

  it('invariant 29: a didit attestation needs an Approved webhook no older than 30 minutes', async () => {
    const customer = await createTestCustomer(app);
    const rule = 'customer.attest_kyc.attestation_signature_valid';
    webhooks.set('wh_old', { provider: 'didit', status: 'Approved', receivedAt: new Date(NOW.getTime() - 31 * 60_000) });
    webhooks.set('wh_declined', { provider: 'didit', status: 'Declined', receivedAt: NOW });
    webhooks.set('wh_ok', { provider: 'didit', status: 'Approved', receivedAt: new Date(NOW.getTime() - 5 * 60_000) });
    const didit = (corroborationId?: string) =>
      input(customer.id, { provider: 'didit', documentNumber: 'F2222222B', attestationPayload: {}, corroborationId });
    await expectRuleAsync(attest.execute(didit()), rule);
    await expectRuleAsync(attest.execute(didit('wh_unknown')), rule);
    await expectRuleAsync(attest.execute(didit('wh_old')), rule);
    await expectRuleAsync(attest.execute(didit('wh_declined')), rule);
    expect(await attest.execute(didit('wh_ok'))).toMatchObject({ kycStatus: 'verified', kycVerificationMethod: 'didit' });
  });

  it('never echoes the raw number in a validation error', async () => {
    const customer = await createTestCustomer(app);
    const error = await attest.execute(input(customer.id, { documentNumber: 'S12345!!67D' })).catch((e: unknown) => e);
    expect(JSON.stringify(error)).not.toContain('S12345');
    expect((error as Error).message).not.toContain('S12345');
  });
});
