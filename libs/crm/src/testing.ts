// Factories for specs (this context's and others'); never imported by production code.
import { randomBytes } from 'node:crypto';
import type { TestApp } from '@bss/testing';
import { CreateCustomerCommand, type CreateCustomerInput } from './commands/create-customer.command';
import { OpenCaseCommand, type OpenCaseInput } from './commands/open-case.command';
import { OpenTicketCommand, type OpenTicketInput } from './commands/open-ticket.command';
import type { CaseView } from './domain/case.view';
import type { CustomerView } from './domain/customer.view';
import type { TicketView } from './domain/ticket.view';

/** An active customer with a unique email and a phone. */
export function createTestCustomer(app: TestApp, overrides: Partial<CreateCustomerInput> = {}): Promise<CustomerView> {
  const tag = randomBytes(4).toString('hex');
  return app.get(CreateCustomerCommand).execute({
    givenName: 'Ada',
    familyName: 'Lovelace',
    email: `ada.${tag}@example.com`,
    phone: '+6591234567',
    ...overrides,
  });
}

export function openTestCase(app: TestApp, customerId: string, overrides: Partial<OpenCaseInput> = {}): Promise<CaseView> {
  return app.get(OpenCaseCommand).execute({ customerId, subject: 'No data after top-up', ...overrides });
}

export function openTestTicket(app: TestApp, overrides: Partial<OpenTicketInput> & ({ customerId: string } | { caseId: string })): Promise<TicketView> {
  return app.get(OpenTicketCommand).execute({ ticketType: 'service_outage', subject: 'Data bearer down', ...overrides });
}

export { expectRule, expectRuleAsync } from '@bss/testing';
