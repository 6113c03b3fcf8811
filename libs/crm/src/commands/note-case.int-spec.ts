import { AuditQueries } from '@bss/audit';
import { createTestApp, type TestApp } from '@bss/testing';
import { CrmModule } from '#crm/crm.module';
import { CaseQueries } from '#crm/queries/case.queries';
import { createTestCustomer, expectRuleAsync, openTestCase } from '#crm/testing';
import { NoteCaseCommand } from './note-case.command';
import { CloseCaseCommand } from './close-case.command';

describe('NoteCaseCommand', () => {
  let app: TestApp;
  let note: NoteCaseCommand;

  beforeAll(async () => {
    app = await createTestApp({ imports: [CrmModule] });
    note = app.get(NoteCaseCommand);
  });
  afterAll(() => app.close());

  it('adds a note shown on the case card, with an event', async () => {
    const customer = await createTestCustomer(app);
    const kase = await openTestCase(app, customer.id);
    const added = await note.execute({ caseId: kase.id, body: 'Called the customer back', authorAgentId: 'AGT-001' });
    expect(added.id).toMatch(/^NOTE-[0-9a-f]{8}$/);
    expect((await app.get(CaseQueries).getDetail(kase.id)).notes).toEqual([added]);
    const [event] = await app.get(AuditQueries).list({ aggregateId: kase.id, eventType: 'case.noted' });
    expect(event.payload).toMatchObject({ noteId: added.id, authorAgentId: 'AGT-001' });
  });

  it('refuses notes on a closed case (case.note.case_is_closed)', async () => {
    const customer = await createTestCustomer(app);
    const kase = await openTestCase(app, customer.id);
    await app.get(CloseCaseCommand).execute({ caseId: kase.id, resolutionCode: 'resolved' });
    await expectRuleAsync(note.execute({ caseId: kase.id, body: 'late' }), 'case.note.case_is_closed');
  });
});
