import { expectRule } from '#crm/testing';
import { assertDonorNumberFree, assertPortDirection, assertPortOutHasTarget, assertRejectionReason } from './port-request.policies';

describe('port.create.direction_valid', () => {
  it.each(['port_in', 'port_out'])('allows %s', (direction) => {
    expect(assertPortDirection(direction)).toBe(direction);
  });
  it('refuses anything else', () => {
    expectRule(() => assertPortDirection('sideways'), 'port.create.direction_valid');
  });
});

describe('port.create.target_sub_required_for_port_out', () => {
  it('allows a port-out with a target, and a port-in without one', () => {
    expect(() => assertPortOutHasTarget('port_out', 'SUB-0001')).not.toThrow();
    expect(() => assertPortOutHasTarget('port_in', undefined)).not.toThrow();
  });
  it('refuses a port-out without a target', () => {
    expectRule(() => assertPortOutHasTarget('port_out', undefined), 'port.create.target_sub_required_for_port_out');
  });
});

describe('port.create.donor_msisdn_unique_among_pending', () => {
  it('allows a number without a live request', () => {
    expect(() => assertDonorNumberFree('91234567', null)).not.toThrow();
  });
  it('refuses a number with one', () => {
    const pv = expectRule(() => assertDonorNumberFree('91234567', 'PORT-0000000A'), 'port.create.donor_msisdn_unique_among_pending');
    expect(pv.context).toMatchObject({ existingPortRequestId: 'PORT-0000000A' });
  });
});

describe('port.reject.requires_reason', () => {
  it('allows a reason', () => {
    expect(assertRejectionReason({ id: 'PORT-0000000A' }, ' donor refused ')).toBe('donor refused');
  });
  it('refuses a missing or blank reason', () => {
    expectRule(() => assertRejectionReason({ id: 'PORT-0000000A' }, undefined), 'port.reject.requires_reason');
    expectRule(() => assertRejectionReason({ id: 'PORT-0000000A' }, '  '), 'port.reject.requires_reason');
  });
});
