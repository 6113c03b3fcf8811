import { PolicyViolation } from '@bss/platform';
import { IDENTITY_RULES } from '#identity/identity.errors';

export interface EmailChangeFacts {
  identityId: string;
  customerId: string | null;
  currentEmail: string;
  newEmail: string;
  /** The customer currently holding `newEmail` as a live contact medium, if any. */
  holderCustomerId: string | null;
  /** Another portal identity already signs in with `newEmail`. */
  heldByOtherIdentity: boolean;
}

/** email_change.start.*: a linked customer, a different address, and one nobody else uses. */
export function assertEmailChangeAllowed(f: EmailChangeFacts): void {
  if (!f.customerId) {
    throw new PolicyViolation(IDENTITY_RULES.emailChangeRequiresCustomer, 'Only a signed-up customer can change their email', { identityId: f.identityId });
  }
  if (f.newEmail === f.currentEmail) {
    throw new PolicyViolation(IDENTITY_RULES.emailChangeSameEmail, 'That is already your email address', { identityId: f.identityId });
  }
  if (f.holderCustomerId !== null || f.heldByOtherIdentity) {
    // The context never names who holds it.
    throw new PolicyViolation(IDENTITY_RULES.emailChangeInUse, 'That email address is already in use', { identityId: f.identityId });
  }
}
