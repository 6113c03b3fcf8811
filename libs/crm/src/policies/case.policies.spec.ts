import { expectRule } from '#crm/testing';
import {
  assertAllTicketsDone,
  assertCaseNotClosed,
  assertCaseUpdateHasFields,
  assertCustomerCanOpenCase,
  assertKnownPriority,
  assertResolutionCode,
} from './case.policies';

const KASE = { id: 'CASE-00000001' };

describe('case.open.customer_must_be_active', () => {
  it('allows an active customer', () => {
    expect(() => assertCustomerCanOpenCase({ id: 'CUST-00000001', status: 'active' })).not.toThrow();
  });
  it.each(['pending', 'suspended', 'closed'] as const)('refuses a %s customer', (status) => {
    expectRule(() => assertCustomerCanOpenCase({ id: 'CUST-00000001', status }), 'case.open.customer_must_be_active');
  });
});

describe('case.close.requires_all_tickets_resolved', () => {
  it('allows no tickets, or only closed and cancelled ones', () => {
    expect(() => assertAllTicketsDone(KASE, [])).not.toThrow();
    expect(() => assertAllTicketsDone(KASE, [{ id: 'TKT-00000001', state: 'closed' }, { id: 'TKT-00000002', state: 'cancelled' }])).not.toThrow();
  });
  it.each(['open', 'acknowledged', 'in_progress', 'pending', 'resolved'] as const)('refuses a %s ticket (resolved still blocks)', (state) => {
    const pv = expectRule(() => assertAllTicketsDone(KASE, [{ id: 'TKT-00000001', state }]), 'case.close.requires_all_tickets_resolved');
    expect(pv.context).toMatchObject({ blockingTickets: [{ id: 'TKT-00000001', state }] });
  });
});

describe('case.close.requires_resolution_code', () => {
  it('allows a code and trims it', () => {
    expect(assertResolutionCode(KASE, ' fixed ')).toBe('fixed');
  });
  it('refuses a missing or blank code', () => {
    expectRule(() => assertResolutionCode(KASE, undefined), 'case.close.requires_resolution_code');
    expectRule(() => assertResolutionCode(KASE, '   '), 'case.close.requires_resolution_code');
  });
});

describe('case.update.case_is_closed / case.note.case_is_closed', () => {
  it('allows any state but closed', () => {
    for (const state of ['open', 'in_progress', 'pending_customer', 'resolved'] as const) {
      expect(() => assertCaseNotClosed({ ...KASE, state }, 'case.update.case_is_closed')).not.toThrow();
    }
  });
  it('refuses a closed case under the caller rule', () => {
    expectRule(() => assertCaseNotClosed({ ...KASE, state: 'closed' }, 'case.update.case_is_closed'), 'case.update.case_is_closed');
    expectRule(() => assertCaseNotClosed({ ...KASE, state: 'closed' }, 'case.note.case_is_closed'), 'case.note.case_is_closed');
  });
});

describe('case.update.invalid_priority', () => {
  it.each(['low', 'normal', 'medium', 'high', 'urgent', 'critical'])('allows %s', (priority) => {
    expect(assertKnownPriority(priority)).toBe(priority);
  });
  it('refuses anything else', () => {
    expectRule(() => assertKnownPriority('asap'), 'case.update.invalid_priority');
  });
});

describe('case.update.no_fields', () => {
  it('allows any one field', () => {
    expect(() => assertCaseUpdateHasFields({ priority: 'high' })).not.toThrow();
  });
  it('refuses an empty update', () => {
    expectRule(() => assertCaseUpdateHasFields({}), 'case.update.no_fields');
  });
});
