import { assertMsisdnAssignable, assertMsisdnReleasable, assertSaneRange, isPoolLow, msisdnTransition } from './msisdn.policies';
import { ruleOf } from '@bss/testing';

describe('msisdn policies', () => {
  describe('msisdn.reserve.status_must_be_available', () => {
    it('allows an available number', () => expect(msisdnTransition('90000001', 'available', 'reserve')).toBe('reserved'));
    it('refuses a reserved number', () => expect(ruleOf(() => msisdnTransition('90000001', 'reserved', 'reserve'))).toBe('msisdn.reserve.status_must_be_available'));
  });

  describe('msisdn.assign.must_be_reserved', () => {
    it('allows a reserved number, and re-assigning to the same line', () => {
      expect(assertMsisdnAssignable({ msisdn: '90000001', status: 'reserved', assignedToSubscriptionId: null }, 'SUB-0001')).toBe('assigned');
      expect(assertMsisdnAssignable({ msisdn: '90000001', status: 'assigned', assignedToSubscriptionId: 'SUB-0001' }, 'SUB-0001')).toBe('assigned');
    });
    it('refuses an available number and another line’s number', () => {
      expect(ruleOf(() => assertMsisdnAssignable({ msisdn: '90000001', status: 'available', assignedToSubscriptionId: null }, 'SUB-0001'))).toBe('msisdn.assign.must_be_reserved');
      expect(ruleOf(() => assertMsisdnAssignable({ msisdn: '90000001', status: 'assigned', assignedToSubscriptionId: 'SUB-0009' }, 'SUB-0001'))).toBe('msisdn.assign.must_be_reserved');
    });
  });

  describe('msisdn.release.only_if_reserved_or_assigned', () => {
    it('allows reserved and assigned', () => {
      expect(assertMsisdnReleasable('90000001', 'reserved')).toBe('available');
      expect(assertMsisdnReleasable('90000001', 'assigned')).toBe('available');
    });
    it('refuses available and quarantine', () => {
      expect(ruleOf(() => assertMsisdnReleasable('90000001', 'available'))).toBe('msisdn.release.only_if_reserved_or_assigned');
      expect(ruleOf(() => assertMsisdnReleasable('90000001', 'quarantine'))).toBe('msisdn.release.only_if_reserved_or_assigned');
    });
  });

  describe('msisdn.release.terminal_status', () => {
    it('allows a number that is not ported out', () => expect(ruleOf(() => assertMsisdnReleasable('90000001', 'assigned'))).toBeUndefined());
    it('refuses a ported-out number', () => expect(ruleOf(() => assertMsisdnReleasable('90000001', 'ported_out'))).toBe('msisdn.release.terminal_status'));
  });

  describe('msisdn.retire.only_if_reserved_or_assigned', () => {
    it('allows an assigned number into quarantine', () => expect(msisdnTransition('90000001', 'assigned', 'quarantine')).toBe('quarantine'));
    it('refuses a ported-out number', () => expect(ruleOf(() => msisdnTransition('90000001', 'ported_out', 'quarantine'))).toBe('msisdn.retire.only_if_reserved_or_assigned'));
  });

  describe('msisdn.port_out.not_already_ported_out', () => {
    it('allows an assigned number', () => expect(msisdnTransition('90000001', 'assigned', 'port_out')).toBe('ported_out'));
    it('refuses a ported-out number', () => expect(ruleOf(() => msisdnTransition('90000001', 'ported_out', 'port_out'))).toBe('msisdn.port_out.not_already_ported_out'));
  });

  describe('msisdn.add_range.sane_prefix', () => {
    it.each([
      ['9100', 100],
      ['9100000', 1],
      ['1234', 10_000],
    ])('allows prefix %s with count %d', (prefix, count) => expect(ruleOf(() => assertSaneRange(prefix, count))).toBeUndefined());
    it.each([
      ['910', 100],
      ['91000000', 100],
      ['91a0', 100],
      ['9100', 0],
      ['9100', 10_001],
      ['9100', 1.5],
    ])('refuses prefix %s with count %d', (prefix, count) => expect(ruleOf(() => assertSaneRange(prefix, count))).toBe('msisdn.add_range.sane_prefix'));
  });

  describe('pool low watermark', () => {
    it('is low at or below the threshold', () => {
      expect(isPoolLow(50, 50)).toBe(true);
      expect(isPoolLow(0, 50)).toBe(true);
    });
    it('is not low above it', () => expect(isPoolLow(51, 50)).toBe(false));
  });
});
