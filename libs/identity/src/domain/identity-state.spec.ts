import { PolicyViolation } from '@bss/platform';
import { IDENTITY_STATUSES } from './identity.values';
import { IDENTITY_TRANSITIONS, IDENTITY_TRIGGERS, nextIdentityStatus } from './identity.state';

describe('identity status transitions', () => {
  for (const trigger of IDENTITY_TRIGGERS) {
    for (const from of IDENTITY_STATUSES) {
      const allowed = IDENTITY_TRANSITIONS[trigger].from.includes(from);
      it(`${trigger} from ${from} is ${allowed ? 'allowed' : 'refused'}`, () => {
        const run = () => nextIdentityStatus({ id: 'IDN-1', status: from }, trigger);
        if (allowed) expect(run()).toBe(IDENTITY_TRANSITIONS[trigger].to);
        else expect(run).toThrow(PolicyViolation);
      });
    }
  }
});
