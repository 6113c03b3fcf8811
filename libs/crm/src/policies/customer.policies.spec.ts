import {
  assertCanLeaveActive,
  assertCustomerNotClosed,
  assertEmailFree,
  assertHasContactMedium,
  assertIndividualUpdateHasFields,
  assertMediumLive,
  assertMediumValueEditable,
} from './customer.policies';
import { expectRule } from '#crm/testing';

describe('customer.create.requires_contact_medium', () => {
  it('allows an email or a phone', () => {
    expect(() => assertHasContactMedium({ email: 'a@b.co' })).not.toThrow();
    expect(() => assertHasContactMedium({ phone: '+6591234567' })).not.toThrow();
  });
  it('refuses neither', () => {
    expectRule(() => assertHasContactMedium({}), 'customer.create.requires_contact_medium');
  });
});

describe('customer.create.email_unique / customer.contact_medium.email_unique', () => {
  it('allows an email nobody holds', () => {
    expect(() => assertEmailFree('a@b.co', null, 'customer.create.email_unique')).not.toThrow();
  });
  it('refuses an email another customer holds, under the caller rule', () => {
    const pv = expectRule(() => assertEmailFree('a@b.co', 'CUST-00000001', 'customer.create.email_unique'), 'customer.create.email_unique');
    expect(pv.context).toMatchObject({ existingCustomerId: 'CUST-00000001' });
    expectRule(() => assertEmailFree('a@b.co', 'CUST-00000001', 'customer.contact_medium.email_unique'), 'customer.contact_medium.email_unique');
  });
});

describe('customer.close.no_active_subscriptions', () => {
  it('allows leaving active without live lines, and staying active with them', () => {
    expect(() => assertCanLeaveActive('CUST-00000001', 'closed', [])).not.toThrow();
    expect(() => assertCanLeaveActive('CUST-00000001', 'active', ['SUB-0001'])).not.toThrow();
  });
  it('refuses suspend or close with live lines and lists them', () => {
    const pv = expectRule(() => assertCanLeaveActive('CUST-00000001', 'closed', ['SUB-0001', 'SUB-0002']), 'customer.close.no_active_subscriptions');
    expect(pv.message).toContain('SUB-0001, SUB-0002');
    expect(pv.context).toMatchObject({ liveLineIds: ['SUB-0001', 'SUB-0002'] });
    expectRule(() => assertCanLeaveActive('CUST-00000001', 'suspended', ['SUB-0001']), 'customer.close.no_active_subscriptions');
  });
});

describe('customer.update.customer_is_closed', () => {
  it('allows a live customer', () => {
    expect(() => assertCustomerNotClosed({ id: 'CUST-00000001', status: 'active' })).not.toThrow();
  });
  it('refuses a closed one', () => {
    expectRule(() => assertCustomerNotClosed({ id: 'CUST-00000001', status: 'closed' }), 'customer.update.customer_is_closed');
  });
});

describe('customer.contact_medium.email_must_use_change_flow', () => {
  it('allows phone and postal values to be edited', () => {
    expect(() => assertMediumValueEditable({ id: 'CM-00000001', mediumType: 'phone' })).not.toThrow();
    expect(() => assertMediumValueEditable({ id: 'CM-00000001', mediumType: 'postal' })).not.toThrow();
  });
  it('refuses editing an email', () => {
    expectRule(() => assertMediumValueEditable({ id: 'CM-00000001', mediumType: 'email' }), 'customer.contact_medium.email_must_use_change_flow');
  });
});

describe('customer.contact_medium.already_removed', () => {
  it('allows a live medium', () => {
    expect(() => assertMediumLive({ id: 'CM-00000001', validTo: null })).not.toThrow();
  });
  it('refuses an ended one', () => {
    expectRule(() => assertMediumLive({ id: 'CM-00000001', validTo: new Date('2026-01-01T00:00:00Z') }), 'customer.contact_medium.already_removed');
  });
});

describe('customer.update_individual.no_fields', () => {
  it('allows any one field', () => {
    expect(() => assertIndividualUpdateHasFields({ familyName: 'King' })).not.toThrow();
  });
  it('refuses an empty update', () => {
    expectRule(() => assertIndividualUpdateHasFields({}), 'customer.update_individual.no_fields');
  });
});
