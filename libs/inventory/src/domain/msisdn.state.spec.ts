import { PolicyViolation } from '@bss/platform';
import { msisdnTransition } from '#inventory/policies/msisdn.policies';
import { effectiveMsisdnStatus, MSISDN_STATUSES, MSISDN_TRANSITIONS, MSISDN_TRIGGERS, quarantineEnd, type MsisdnStatus, type MsisdnTrigger } from './msisdn.state';

const ALLOWED: Record<MsisdnTrigger, [MsisdnStatus[], MsisdnStatus]> = {
  reserve: [['available'], 'reserved'],
  assign: [['reserved', 'assigned'], 'assigned'],
  release: [['reserved', 'assigned'], 'available'],
  quarantine: [['reserved', 'assigned'], 'quarantine'],
  port_out: [['available', 'reserved', 'assigned', 'quarantine'], 'ported_out'],
};

describe('MSISDN state machine', () => {
  const cases = MSISDN_TRIGGERS.flatMap((trigger) => MSISDN_STATUSES.map((from) => [trigger, from] as const));

  it.each(cases)('%s from %s: allowed exactly where the table says', (trigger, from) => {
    const [allowedFrom, to] = ALLOWED[trigger];
    if (allowedFrom.includes(from)) {
      expect(msisdnTransition('90000001', from, trigger)).toBe(to);
    } else {
      expect(() => msisdnTransition('90000001', from, trigger)).toThrow(PolicyViolation);
    }
  });

  it('the table matches the expectations above', () => {
    for (const trigger of MSISDN_TRIGGERS) expect(MSISDN_TRANSITIONS[trigger]).toEqual({ from: ALLOWED[trigger][0], to: ALLOWED[trigger][1] });
  });

  it('names the verb rule when it refuses', () => {
    expect(() => msisdnTransition('90000001', 'assigned', 'reserve')).toThrow(expect.objectContaining({ rule: 'msisdn.reserve.status_must_be_available' }));
    expect(() => msisdnTransition('90000001', 'available', 'assign')).toThrow(expect.objectContaining({ rule: 'msisdn.assign.must_be_reserved' }));
    expect(() => msisdnTransition('90000001', 'available', 'release')).toThrow(expect.objectContaining({ rule: 'msisdn.release.only_if_reserved_or_assigned' }));
    expect(() => msisdnTransition('90000001', 'ported_out', 'port_out')).toThrow(expect.objectContaining({ rule: 'msisdn.port_out.not_already_ported_out' }));
  });

  it('a quarantine that has run out reads as available; one still running does not', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(effectiveMsisdnStatus({ status: 'quarantine', quarantineUntil: now }, now)).toBe('available');
    expect(effectiveMsisdnStatus({ status: 'quarantine', quarantineUntil: new Date(now.getTime() + 1) }, now)).toBe('quarantine');
    expect(effectiveMsisdnStatus({ status: 'ported_out', quarantineUntil: new Date('9999-12-31T00:00:00Z') }, new Date('9999-12-31T00:00:01Z'))).toBe('ported_out');
  });

  it('quarantine lasts 90 days', () => {
    expect(quarantineEnd(new Date('2026-01-01T00:00:00Z')).toISOString()).toBe('2026-04-01T00:00:00.000Z');
  });
});
