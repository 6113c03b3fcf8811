import { PolicyViolation } from '@bss/platform';
import { esimTransition } from '#inventory/policies/esim.policies';
import { activationCodeFor, ESIM_STATES, ESIM_TRANSITIONS, ESIM_TRIGGERS, type EsimState, type EsimTrigger } from './esim.state';

const ALLOWED: Record<EsimTrigger, [EsimState[], EsimState]> = {
  reserve: [['available'], 'reserved'],
  assign_msisdn: [['reserved'], 'reserved'],
  release: [['reserved'], 'available'],
  download: [['reserved'], 'downloaded'],
  activate: [['downloaded', 'suspended'], 'activated'],
  suspend: [['activated'], 'suspended'],
  recycle: [['reserved', 'downloaded', 'activated', 'suspended'], 'recycled'],
};

describe('eSIM profile state machine', () => {
  const cases = ESIM_TRIGGERS.flatMap((trigger) => ESIM_STATES.map((from) => [trigger, from] as const));

  it.each(cases)('%s from %s: allowed exactly where the table says', (trigger, from) => {
    const [allowedFrom, to] = ALLOWED[trigger];
    if (allowedFrom.includes(from)) {
      expect(esimTransition('8910101000000000001', from, trigger)).toBe(to);
    } else {
      expect(() => esimTransition('8910101000000000001', from, trigger)).toThrow(PolicyViolation);
    }
  });

  it('the table matches the expectations above', () => {
    for (const trigger of ESIM_TRIGGERS) expect(ESIM_TRANSITIONS[trigger]).toEqual({ from: ALLOWED[trigger][0], to: ALLOWED[trigger][1] });
  });

  it('recycled is terminal', () => {
    for (const trigger of ESIM_TRIGGERS) expect(() => esimTransition('8910101000000000001', 'recycled', trigger)).toThrow(PolicyViolation);
  });

  it('names the verb rule, else esim.transition.invalid', () => {
    expect(() => esimTransition('8910101000000000001', 'reserved', 'reserve')).toThrow(expect.objectContaining({ rule: 'esim.reserve.status_must_be_available' }));
    expect(() => esimTransition('8910101000000000001', 'available', 'assign_msisdn')).toThrow(expect.objectContaining({ rule: 'esim.assign_msisdn.esim_must_be_reserved' }));
    expect(() => esimTransition('8910101000000000001', 'available', 'release')).toThrow(expect.objectContaining({ rule: 'esim.release.only_if_reserved_or_assigned' }));
    expect(() => esimTransition('8910101000000000001', 'available', 'activate')).toThrow(expect.objectContaining({ rule: 'esim.transition.invalid' }));
  });

  it('builds the LPA activation code from the matching id', () => {
    expect(activationCodeFor('ABCDEF0123456789')).toBe('LPA:1$smdp.bss-cli.local$ABCDEF0123456789');
  });
});
