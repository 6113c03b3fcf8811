import { KycCorroborationPort } from '@bss/crm';
import { Unauthorized } from '@bss/platform';
import { createTestApp, type TestApp } from '@bss/testing';
import { signDiditBody } from '#signup/adapters/didit-webhook';
import { SignupModule } from '#signup/signup.module';
import { KycDecisionQueries } from '#signup/queries/kyc-decision.queries';
import { RecordDiditWebhookCommand } from './record-didit-webhook.command';

process.env.BSS_PORTAL_TOKEN_PEPPER ??= 'test-pepper-'.padEnd(48, 'x');
const SECRET = 'didit-int-spec-secret-0123456789';

describe('RecordDiditWebhookCommand and the didit corroboration lookup', () => {
  let app: TestApp;
  let record: RecordDiditWebhookCommand;

  beforeAll(async () => {
    process.env.BSS_KYC_DIDIT_WEBHOOK_SECRET = SECRET;
    app = await createTestApp({ imports: [SignupModule] });
    delete process.env.BSS_KYC_DIDIT_WEBHOOK_SECRET;
    await app.clock.freeze('2026-03-01T09:00:00Z');
    record = app.get(RecordDiditWebhookCommand);
  });
  afterAll(() => app.close());

  const body = (status: string, timestamp: number, eventId: string) =>
    Buffer.from(JSON.stringify({ session_id: 'd1d17000-0000-4000-8000-000000000001', status, timestamp, event_id: eventId }));

  it('refuses a body whose signature does not match, writing nothing', async () => {
    const raw = body('Approved', 100, 'evt-a');
    await expect(record.execute(raw, signDiditBody(raw, 'wrong-secret'))).rejects.toBeInstanceOf(Unauthorized);
    await expect(record.execute(raw, undefined)).rejects.toBeInstanceOf(Unauthorized);
    expect(await app.get(KycDecisionQueries).forSession('d1d17000-0000-4000-8000-000000000001')).toBeNull();
  });

  it('records once per event, keeps the newest decision, and corroborates only the latest event of the session', async () => {
    const approved = body('Approved', 200, 'evt-approved');
    expect(await record.execute(approved, signDiditBody(approved, SECRET))).toMatchObject({ outcome: 'recorded', status: 'Approved' });
    expect(await record.execute(approved, signDiditBody(approved, SECRET))).toMatchObject({ outcome: 'duplicate' });
    const late = body('In Review', 150, 'evt-late');
    expect(await record.execute(late, signDiditBody(late, SECRET))).toMatchObject({ outcome: 'superseded' });
    const port = app.get(KycCorroborationPort);
    expect(await port.find('didit', 'evt-approved')).toEqual({ provider: 'didit', status: 'Approved', receivedAt: new Date('2026-03-01T09:00:00Z') });
    expect(await port.find('prebaked', 'evt-approved')).toBeNull();
    const declined = body('Declined', 300, 'evt-declined');
    await record.execute(declined, signDiditBody(declined, SECRET));
    expect(await port.find('didit', 'evt-approved')).toBeNull();
    expect(await port.find('didit', 'evt-declined')).toMatchObject({ status: 'Declined' });
  });

  it('a signed body that is not a Didit decision is InvalidInput naming the field', async () => {
    const raw = Buffer.from(JSON.stringify({ status: 'Approved' }));
    await expect(record.execute(raw, signDiditBody(raw, SECRET))).rejects.toMatchObject({ code: 'INVALID_INPUT', fields: [expect.objectContaining({ field: 'sessionId' })] });
  });
});
