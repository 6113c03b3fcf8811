import { assertEsimCanBind, assertEsimRecyclable, assertEsimReleasable, esimTransition, type EsimFacts } from './esim.policies';
import { ruleOf } from '@bss/testing';

const ICCID = '8910101000000000001';
const held: EsimFacts = { iccid: ICCID, profileState: 'reserved', issuedAt: null, assignedToSubscriptionId: null };
const issued: EsimFacts = { iccid: ICCID, profileState: 'reserved', issuedAt: new Date('2026-01-01T00:00:00Z'), assignedToSubscriptionId: 'SUB-0001' };

describe('esim policies', () => {
  describe('esim.reserve.status_must_be_available', () => {
    it('allows an available profile', () => expect(esimTransition(ICCID, 'available', 'reserve')).toBe('reserved'));
    it('refuses a recycled profile', () => expect(ruleOf(() => esimTransition(ICCID, 'recycled', 'reserve'))).toBe('esim.reserve.status_must_be_available'));
  });

  describe('esim.release.only_if_reserved_or_assigned', () => {
    it('allows a held profile', () => expect(assertEsimReleasable(held)).toBe('available'));
    it('refuses an activated profile', () => expect(ruleOf(() => assertEsimReleasable({ ...issued, profileState: 'activated' }))).toBe('esim.release.only_if_reserved_or_assigned'));
  });

  describe('esim.release.only_if_never_issued', () => {
    it('allows a profile that never reached a customer', () => expect(ruleOf(() => assertEsimReleasable(held))).toBeUndefined());
    it('refuses an issued profile', () => expect(ruleOf(() => assertEsimReleasable(issued))).toBe('esim.release.only_if_never_issued'));
  });

  describe('esim.recycle.only_if_issued', () => {
    it.each(['reserved', 'downloaded', 'activated', 'suspended'] as const)('allows an issued profile in %s', (profileState) =>
      expect(assertEsimRecyclable({ ...issued, profileState })).toBe('recycled'),
    );
    it('refuses a profile that was only held', () => expect(ruleOf(() => assertEsimRecyclable(held))).toBe('esim.recycle.only_if_issued'));
  });

  describe('esim.transition.invalid', () => {
    it('allows recycle after issue', () => expect(ruleOf(() => assertEsimRecyclable({ ...issued, profileState: 'activated' }))).toBeUndefined());
    it('refuses recycling an available profile', () => expect(ruleOf(() => assertEsimRecyclable({ ...held, profileState: 'available', issuedAt: new Date() }))).toBe('esim.transition.invalid'));
  });

  describe('esim.assign_msisdn.esim_must_be_reserved', () => {
    it('allows a held profile', () => expect(assertEsimCanBind(held, { msisdn: '90000001', status: 'reserved' }, 'SUB-0001')).toBe('reserved'));
    it('refuses an available profile, and one issued to another line', () => {
      expect(ruleOf(() => assertEsimCanBind({ ...held, profileState: 'available' }, { msisdn: '90000001', status: 'reserved' }, 'SUB-0001'))).toBe('esim.assign_msisdn.esim_must_be_reserved');
      expect(ruleOf(() => assertEsimCanBind(issued, { msisdn: '90000001', status: 'reserved' }, 'SUB-0002'))).toBe('esim.assign_msisdn.esim_must_be_reserved');
    });
  });

  describe('esim.assign_msisdn.msisdn_must_be_reserved', () => {
    it('allows a reserved or assigned number', () => {
      expect(ruleOf(() => assertEsimCanBind(held, { msisdn: '90000001', status: 'assigned' }, 'SUB-0001'))).toBeUndefined();
    });
    it('refuses an available number', () => {
      expect(ruleOf(() => assertEsimCanBind(held, { msisdn: '90000001', status: 'available' }, 'SUB-0001'))).toBe('esim.assign_msisdn.msisdn_must_be_reserved');
    });
  });
});
