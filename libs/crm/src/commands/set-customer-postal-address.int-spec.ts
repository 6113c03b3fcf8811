import { NotFound } from '@bss/platform';
import { createTestApp, type TestApp } from '@bss/testing';
import { CrmModule } from '#crm/crm.module';
import { CustomerQueries } from '#crm/queries/customer.queries';
import { createTestCustomer } from '#crm/testing';
import { AddContactMediumCommand } from './add-contact-medium.command';
import { SetCustomerPostalAddressCommand } from './set-customer-postal-address.command';

describe('SetCustomerPostalAddressCommand (customer.set_postal_address)', () => {
  let app: TestApp;
  let setAddress: SetCustomerPostalAddressCommand;
  let customers: CustomerQueries;

  beforeAll(async () => {
    app = await createTestApp({ imports: [CrmModule] });
    setAddress = app.get(SetCustomerPostalAddressCommand);
    customers = app.get(CustomerQueries);
  });
  afterAll(() => app.close());

  const postalOf = async (customerId: string) => (await customers.get(customerId)).contactMedia.filter((m) => m.mediumType === 'postal');

  it('adds a primary postal address when there is none, then changes that one in place', async () => {
    const customer = await createTestCustomer(app);
    const added = await setAddress.execute({ customerId: customer.id, value: '1 Fusionopolis Way' });
    expect(added).toMatchObject({ mediumType: 'postal', value: '1 Fusionopolis Way', isPrimary: true });
    const changed = await setAddress.execute({ customerId: customer.id, contactMediumId: added.id, value: '2 Science Park Drive' });
    expect(changed).toMatchObject({ id: added.id, value: '2 Science Park Drive' });
    expect(await postalOf(customer.id)).toEqual([expect.objectContaining({ id: added.id, value: '2 Science Park Drive' })]);
  });

  it("refuses any medium that is not the customer's own live postal one, and changes nothing", async () => {
    const customer = await createTestCustomer(app);
    const other = await createTestCustomer(app);
    const own = await setAddress.execute({ customerId: customer.id, value: '3 Own Road' });
    const foreign = await app.get(AddContactMediumCommand).execute({ customerId: other.id, mediumType: 'postal', value: '9 Other Street' });
    const phone = (await customers.get(customer.id)).contactMedia.find((m) => m.mediumType === 'phone')!;
    for (const contactMediumId of [foreign.id, phone.id, 'CM-ffffffff', undefined, '']) {
      await expect(setAddress.execute({ customerId: customer.id, contactMediumId, value: '4 Hijack Lane' })).rejects.toBeInstanceOf(NotFound);
    }
    expect((await postalOf(customer.id)).map((m) => m.value)).toEqual([own.value]);
    expect((await postalOf(other.id)).map((m) => m.value)).toEqual(['9 Other Street']);
  });
});
