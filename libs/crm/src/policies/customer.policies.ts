import { PolicyViolation } from '@bss/platform';
import { CRM_RULES } from '#crm/crm.errors';
import type { CustomerStatus, MediumType } from '#crm/domain/crm.values';

/** customer.create.requires_contact_medium: a customer must be reachable somehow. */
export function assertHasContactMedium(media: { email?: string | null; phone?: string | null }): void {
  if (!media.email && !media.phone) {
    throw new PolicyViolation(CRM_RULES.customerRequiresContactMedium, 'A customer needs at least one contact medium (email or phone)', {});
  }
}

/**
 * customer.create.email_unique / customer.contact_medium.email_unique: an email is live on at
 * most one customer. `liveOwner` is the customer that already holds it (lower-cased match).
 */
export function assertEmailFree(
  email: string,
  liveOwner: string | null,
  rule: typeof CRM_RULES.customerEmailUnique | typeof CRM_RULES.contactMediumEmailUnique,
): void {
  if (liveOwner) {
    throw new PolicyViolation(rule, `Email ${email} is already in use by another customer`, { email, existingCustomerId: liveOwner });
  }
}

/**
 * customer.close.no_active_subscriptions: a customer keeps `active` while any line is active or
 * pending; the error names the lines so the operator can terminate them first.
 */
export function assertCanLeaveActive(customerId: string, target: CustomerStatus, liveLineIds: readonly string[]): void {
  if (target !== 'active' && liveLineIds.length > 0) {
    throw new PolicyViolation(
      CRM_RULES.customerNoActiveSubscriptions,
      `Customer ${customerId} still has live lines: ${liveLineIds.join(', ')}`,
      { customerId, target, liveLineIds: [...liveLineIds] },
    );
  }
}

/** customer.update.customer_is_closed: a closed customer's record is frozen. */
export function assertCustomerNotClosed(customer: { id: string; status: CustomerStatus }): void {
  if (customer.status === 'closed') {
    throw new PolicyViolation(CRM_RULES.customerIsClosed, `Customer ${customer.id} is closed`, { customerId: customer.id });
  }
}

/** customer.contact_medium.email_must_use_change_flow: email changes go through a verified flow. */
export function assertMediumValueEditable(medium: { id: string; mediumType: MediumType }): void {
  if (medium.mediumType === 'email') {
    throw new PolicyViolation(
      CRM_RULES.contactMediumEmailChangeFlow,
      `Contact medium ${medium.id} is an email; email changes go through the verified change flow`,
      { contactMediumId: medium.id },
    );
  }
}

/** customer.contact_medium.already_removed: an ended medium is history, not editable. */
export function assertMediumLive(medium: { id: string; validTo: Date | null }): void {
  if (medium.validTo !== null) {
    throw new PolicyViolation(CRM_RULES.contactMediumAlreadyRemoved, `Contact medium ${medium.id} was already removed`, {
      contactMediumId: medium.id,
      validTo: medium.validTo.toISOString(),
    });
  }
}

/** customer.update_individual.no_fields: an update must change something. */
export function assertIndividualUpdateHasFields(update: { givenName?: string; familyName?: string; dateOfBirth?: string }): void {
  if (update.givenName === undefined && update.familyName === undefined && update.dateOfBirth === undefined) {
    throw new PolicyViolation(CRM_RULES.individualNoFields, 'Give at least one of givenName, familyName, dateOfBirth', {});
  }
}
