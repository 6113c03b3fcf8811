import { ruleOf } from '@bss/testing';
import { assertOrganizationOpen } from './organization.policies';

describe('organization.update.not_closed', () => {
  it.each(['initialized', 'validated'] as const)('allows changing a %s organization', (status) => {
    expect(ruleOf(() => assertOrganizationOpen({ partyId: 'PTY-00000001', status }))).toBeUndefined();
  });

  it('refuses changing a closed one', () => {
    expect(ruleOf(() => assertOrganizationOpen({ partyId: 'PTY-00000001', status: 'closed' }))).toBe('organization.update.not_closed');
  });
});
