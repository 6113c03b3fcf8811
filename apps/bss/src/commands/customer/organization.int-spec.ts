import { createTestDatabase } from '@bss/testing';
import { runCli } from '#bss/testing/run-cli';
import AdminSeed from '#bss/commands/admin/seed';
import CustomerCloseOrganization from './close-organization';
import CustomerCreate from './create';
import CustomerCreateOrganization from './create-organization';
import CustomerUpdateOrganization from './update-organization';

describe('bss customer create-organization / update-organization / close-organization', () => {
  beforeAll(async () => {
    process.env.BSS_DB_URL = await createTestDatabase();
    expect((await runCli(AdminSeed, [])).exitCode).toBe(0);
  });

  it('creates a business customer with a related individual, validates it, and closes it', async () => {
    const customer = await runCli(CustomerCreate, ['--name', 'Ola Org', '--email', 'ola.org@example.com', '--json']);
    const customerId = (customer.json?.result as { id: string }).id;
    const created = await runCli(CustomerCreateOrganization, ['--trading-name', 'Acme', '--registration-id', '201912345K', '--members', `${customerId}:employee`, '--json']);
    expect(created.json?.result).toMatchObject({ tradingName: 'Acme', status: 'initialized', members: [{ customerId, role: 'employee' }] });
    const id = (created.json?.result as { id: string }).id;
    expect((await runCli(CustomerUpdateOrganization, [id, '--status', 'validated', '--json'])).json?.result).toMatchObject({ status: 'validated' });
    expect((await runCli(CustomerCloseOrganization, [id])).exitCode).not.toBe(0);
    expect((await runCli(CustomerCloseOrganization, [id, '--reason', 'contract ended', '--yes', '--json'])).json?.result).toMatchObject({ status: 'closed', members: [] });
    expect((await runCli(CustomerUpdateOrganization, [id, '--trading-name', 'Zombie', '--json'])).json).toMatchObject({ rule: 'organization.update.not_closed' });
  });
});
