import { AuditQueries } from '@bss/audit';
import { InvalidInput, NotFound } from '@bss/platform';
import { createTestApp, type TestApp } from '@bss/testing';
import { CrmModule } from '#crm/crm.module';
import { CustomerQueries } from '#crm/queries/customer.queries';
import { createTestCustomer, expectRuleAsync } from '#crm/testing';
import { AddContactMediumCommand } from './add-contact-medium.command';
import { RemoveContactMediumCommand } from './remove-contact-medium.command';
import { UpdateContactMediumCommand } from './update-contact-medium.command';

describe('contact media: AddContactMedium / UpdateContactMedium / RemoveContactMedium', () => {
  let app: TestApp;
  let add: AddContactMediumCommand;
  let change: UpdateContactMediumCommand;
  let remove: RemoveContactMediumCommand;
  let customers: CustomerQueries;

  beforeAll(async () => {
    app = await createTestApp({ imports: [CrmModule] });
    add = app.get(AddContactMediumCommand);
    change = app.get(UpdateContactMediumCommand);
    remove = app.get(RemoveContactMediumCommand);
    customers = app.get(CustomerQueries);
  });
  afterAll(() => app.close());

  it('adds a second phone as non-primary, or as primary when asked', async () => {
    const customer = await createTestCustomer(app);
    const second = await add.execute({ customerId: customer.id, mediumType: 'phone', value: '+6580000001' });
    expect(second).toMatchObject({ mediumType: 'phone', value: '+6580000001', isPrimary: false, validTo: null });
    const third = await add.execute({ customerId: customer.id, mediumType: 'phone', value: '+6580000002', isPrimary: true });
    expect(third.isPrimary).toBe(true);
    const view = await customers.get(customer.id);
    expect(view.phone).toBe('+6580000002');
    expect(view.contactMedia.filter((m) => m.mediumType === 'phone' && m.isPrimary)).toHaveLength(1);
    const events = await app.get(AuditQueries).list({ aggregateId: customer.id, eventType: 'customer.contact_medium_added' });
    expect(events).toHaveLength(2);
  });

  it('refuses an email that is live on another customer (lower-cased match)', async () => {
    const holder = await createTestCustomer(app, { email: 'taken@example.com' });
    const other = await createTestCustomer(app);
    await expectRuleAsync(add.execute({ customerId: other.id, mediumType: 'email', value: 'TAKEN@example.com' }), 'customer.contact_medium.email_unique');
    expect((await customers.findByEmail('Taken@Example.com'))?.id).toBe(holder.id);
  });

  it('validates the value by medium type', async () => {
    const customer = await createTestCustomer(app);
    await expect(add.execute({ customerId: customer.id, mediumType: 'phone', value: 'call me' })).rejects.toBeInstanceOf(InvalidInput);
    await expect(add.execute({ customerId: customer.id, mediumType: 'email', value: 'nope' })).rejects.toBeInstanceOf(InvalidInput);
  });

  it('updates a phone value, and refuses to edit an email (email_must_use_change_flow)', async () => {
    const customer = await createTestCustomer(app);
    const phone = customer.contactMedia.find((m) => m.mediumType === 'phone')!;
    const email = customer.contactMedia.find((m) => m.mediumType === 'email')!;
    expect(await change.execute({ customerId: customer.id, contactMediumId: phone.id, value: '+6588888888' })).toMatchObject({ value: '+6588888888' });
    await expectRuleAsync(
      change.execute({ customerId: customer.id, contactMediumId: email.id, value: 'new@example.com' }),
      'customer.contact_medium.email_must_use_change_flow',
    );
    expect((await customers.get(customer.id)).email).toBe(email.value);
    const [event] = await app.get(AuditQueries).list({ aggregateId: customer.id, eventType: 'customer.contact_medium_updated' });
    expect(event.payload).toMatchObject({ contactMediumId: phone.id, changed: ['value'] });
  });

  it("does not touch another customer's medium", async () => {
    const a = await createTestCustomer(app);
    const b = await createTestCustomer(app);
    const phoneOfB = b.contactMedia.find((m) => m.mediumType === 'phone')!;
    await expect(change.execute({ customerId: a.id, contactMediumId: phoneOfB.id, value: '+6577777777' })).rejects.toBeInstanceOf(NotFound);
    await expect(remove.execute({ customerId: a.id, contactMediumId: phoneOfB.id })).rejects.toBeInstanceOf(NotFound);
  });

  it('removes a medium by ending it, which frees its email for another customer', async () => {
    const first = await createTestCustomer(app, { email: 'moving@example.com' });
    const email = first.contactMedia.find((m) => m.mediumType === 'email')!;
    const removed = await remove.execute({ customerId: first.id, contactMediumId: email.id });
    expect(removed.validTo).toBeInstanceOf(Date);
    expect((await customers.get(first.id)).email).toBeNull();
    await expectRuleAsync(remove.execute({ customerId: first.id, contactMediumId: email.id }), 'customer.contact_medium.already_removed');
    const second = await createTestCustomer(app, { email: 'moving@example.com' });
    expect(second.email).toBe('moving@example.com');
    const [event] = await app.get(AuditQueries).list({ aggregateId: first.id, eventType: 'customer.contact_medium_removed' });
    expect(event.payload).toMatchObject({ contactMediumId: email.id, mediumType: 'email' });
  });

  it('promotes the remaining phone when the primary one is removed', async () => {
    const customer = await createTestCustomer(app);
    const primary = customer.contactMedia.find((m) => m.mediumType === 'phone')!;
    await add.execute({ customerId: customer.id, mediumType: 'phone', value: '+6581111111' });
    await remove.execute({ customerId: customer.id, contactMediumId: primary.id });
    expect((await customers.get(customer.id)).phone).toBe('+6581111111');
  });
});
