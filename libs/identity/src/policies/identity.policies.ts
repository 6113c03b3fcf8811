import { PolicyViolation } from '@bss/platform';
import { IDENTITY_RULES } from '#identity/identity.errors';

/** identity.link.one_customer: linking is idempotent for the same customer and refused for another. */
export function assertLinkable(identity: { id: string; customerId: string | null }, customerId: string): 'link' | 'already_linked' {
  if (identity.customerId === null) return 'link';
  if (identity.customerId === customerId) return 'already_linked';
  throw new PolicyViolation(IDENTITY_RULES.linkOtherCustomer, `Identity ${identity.id} is already linked to another customer`, { identityId: identity.id });
}
