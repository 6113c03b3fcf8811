import { AuditQueries } from '@bss/audit';
import { createTestApp, type TestApp } from '@bss/testing';
import { CrmModule } from '#crm/crm.module';
import { createTestCustomer, expectRuleAsync, openTestCase } from '#crm/testing';
import { CloseCaseCommand } from './close-case.command';
import { UpdateCaseCommand } from './update-case.command';

describe('UpdateCaseCommand', () => {
  let app: TestApp;
  let update: UpdateCaseCommand;

  beforeAll(async () => {
    app = await createTestApp({ imports: [CrmModule] });
    update = app.get(UpdateCaseCommand);
  });
  afterAll(() => app.close());

  it('changes fields and reports what changed in case.updated', async () => {
    const customer = await createTestCustomer(app);
    const kase = await openTestCase(app, customer.id);
    const updated = await update.execute({ caseId: kase.id, priority: 'critical', category: 'billing' });
    expect(updated).toMatchObject({ priority: 'critical', category: 'billing' });
    const [event] = await app.get(AuditQueries).list({ aggregateId: kase.id, eventType: 'case.updated' });
    expect(event.payload.changed).toEqual({ priority: { from: 'normal', to: 'critical' }, category: { from: 'general', to: 'billing' } });
  });

  it('refuses an unknown priority (case.update.invalid_priority) and an empty update', async () => {
    const customer = await createTestCustomer(app);
    const kase = await openTestCase(app, customer.id);
    await expectRuleAsync(update.execute({ caseId: kase.id, priority: 'asap' }), 'case.update.invalid_priority');
    await expectRuleAsync(update.execute({ caseId: kase.id }), 'case.update.no_fields');
  });

  it('refuses edits on a closed case (case.update.case_is_closed)', async () => {
    const customer = await createTestCustomer(app);
    const kase = await openTestCase(app, customer.id);
    await app.get(CloseCaseCommand).execute({ caseId: kase.id, resolutionCode: 'resolved' });
    await expectRuleAsync(update.execute({ caseId: kase.id, priority: 'high' }), 'case.update.case_is_closed');
  });
});
