import { CrmModule, OpenCaseFromChatCommand } from '@bss/crm';
import { createTestCustomer } from '@bss/crm/testing';
import { runWithAuth } from '@bss/policies';
import { createTestApp, createTestDatabase, type TestApp } from '@bss/testing';
import { runCli } from '#bss/testing/run-cli';
import CaseShow from './show';

describe('bss case show: the chat transcript of an escalated case', () => {
  let app: TestApp;
  let caseId: string;
  let hash: string;
  const transcript = 'User: someone ordered a SIM in my name\nAssistant: I am opening a case for our fraud team.\nUser: thank you';

  beforeAll(async () => {
    process.env.BSS_DB_URL = await createTestDatabase();
    app = await createTestApp({ imports: [CrmModule], url: process.env.BSS_DB_URL });
    const customer = await createTestCustomer(app);
    const kase = await runWithAuth({ actor: customer.id, channel: 'portal-chat', serviceIdentity: 'portal_self_serve', customerId: customer.id }, () =>
      app.get(OpenCaseFromChatCommand).execute({ customerId: customer.id, category: 'fraud', subject: 'SIM ordered in my name', description: 'Unknown order', transcript }),
    );
    caseId = kase.id;
    hash = kase.chatTranscriptHash!;
  }, 120_000);
  afterAll(() => app.close());

  it('opens the case with spec §5 mapping and the SHA-256 of the transcript', async () => {
    const { createHash } = await import('node:crypto');
    expect(hash).toBe(createHash('sha256').update(transcript, 'utf8').digest('hex'));
    const json = await runCli(CaseShow, [caseId, '--json']);
    expect(json.json?.result).toMatchObject({ category: 'account', priority: 'high', description: '[fraud] Unknown order', transcript: { hash, verified: true, body: transcript } });
  });

  it('prints the transcript under its hash, verified on read', async () => {
    const human = await runCli(CaseShow, [caseId]);
    expect(human.stderr).toBe('');
    expect(human.exitCode).toBe(0);
    expect(human.stdout).toContain(`── Chat transcript  sha256 ${hash}  [verified]`);
    expect(human.stdout).toContain('User: someone ordered a SIM in my name');
  });

  it('the transcript store is append-only: UPDATE and DELETE are refused by the database', async () => {
    await expect(app.db.query(`update audit.chat_transcript set body = 'edited' where hash = $1`, [hash])).rejects.toThrow(/append-only/);
    await expect(app.db.query(`delete from audit.chat_transcript where hash = $1`, [hash])).rejects.toThrow(/append-only/);
  });

  it('a transcript edited behind the trigger\'s back reads as a hash mismatch, never as the original', async () => {
    await app.db.query(`alter table audit.chat_transcript disable trigger chat_transcript_append_only`);
    try {
      await app.db.query(`update audit.chat_transcript set body = 'User: nothing happened' where hash = $1`, [hash]);
    } finally {
      await app.db.query(`alter table audit.chat_transcript enable trigger chat_transcript_append_only`);
    }
    const human = await runCli(CaseShow, [caseId]);
    expect(human.stdout).toContain('[HASH MISMATCH');
    expect((await runCli(CaseShow, [caseId, '--json'])).json?.result).toMatchObject({ transcript: { verified: false } });
  });
});
