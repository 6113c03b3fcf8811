/**
 * What a customer reads when a rule says no. Fixed copy per rule (never the internal message);
 * anything unknown gets the generic apology and is logged.
 */
export const RULE_COPY: Readonly<Record<string, string>> = {
  'subscription.vas.requires_active_cof': 'Your card was declined or there is no card on file. Add or update a card and try again.',
  'subscription.vas.not_if_terminated': 'This line has been cancelled, so it cannot be topped up.',
  'subscription.vas.vas_offering_sellable': 'That top-up is not available any more.',
  'subscription.plan_change.not_eligible_state': 'Plans can be switched only while the line is active.',
  'subscription.plan_change.same_offering': 'You are already on that plan.',
  'subscription.plan_change.already_pending': 'A plan switch is already scheduled. Cancel it first to pick another plan.',
  'subscription.plan_change.target_not_sellable_now': 'That plan is not on sale right now.',
  'subscription.plan_change.target_no_active_price': 'That plan is not on sale right now.',
  'subscription.terminate.invalid_state': 'This line is already cancelled.',
  'subscription.transition.invalid': 'That is not possible for this line right now.',
  'payment.remove_method.not_last_if_active_subscription': 'You need at least one card while you have a live line. Add another card first.',
  'payment.remove_method.already_removed': 'That card was already removed.',
  'payment.add_card.card_not_expired': 'That card has expired.',
  'payment.add_card.at_most_n_methods': 'You can keep at most 5 cards. Remove one first.',
  'payment.add_card.customer_active_or_pending': 'Your account cannot take new cards right now. Please contact us.',
  'payment.set_default.removed': 'That card was removed.',
  'customer.contact_medium.email_unique': 'That email address is already in use.',
  'customer.create.email_unique': 'That email address already belongs to an account. Sign in with it instead.',
  'customer.contact_medium.email_must_use_change_flow': 'Email addresses change through the verified email change.',
  'customer.attest_kyc.attestation_signature_valid': 'We could not verify your identity document. Please try again.',
  'customer.attest_kyc.document_hash_unique_per_tenant': 'That identity document is already registered to another account.',
  'email_change.start.email_in_use': 'That email address is already in use.',
  'email_change.start.differs_from_current': 'That is already your email address.',
  'msisdn.reserve.no_available': 'That number was just taken. Please pick another.',
  'signup.choose_number.available': 'That number was just taken. Please pick another.',
  'signup.edit.before_order_only': 'Your order is already placed; those details can no longer change here.',
  'signup.place_order.requires_all_steps': 'A step is still missing. Please finish it first.',
  'signup.start.offering_sellable': 'That plan is not on sale right now.',
  'signup.attest_kyc.date_of_birth_plausible': 'Please check your date of birth: it must be a real date in the past.',
  'order.create.no_payment_method': 'Add a card before ordering.',
  'order.create.requires_verified_customer': 'Please verify your identity before ordering.',
  'policy.offering.not_sellable_now': 'That plan is not on sale right now.',
  'portal.confirm.required': 'Please confirm in the panel below: nothing has been changed yet.',
  'portal.csrf.invalid': 'Your form expired. Please try again.',
  'ownership.not_owned': "We couldn't find that.",
  'login.link_invalid': 'That sign-in link has expired or was already used. Enter your email for a new one.',
};

export const GENERIC_APOLOGY = 'Sorry, something went wrong and nothing was changed. Please try again, or contact us if it keeps happening.';

/** Flash keys for 303 `?flash=<key>` after a successful write. */
export const FLASH_COPY: Readonly<Record<string, string>> = {
  signed_in: 'You are signed in.',
  signed_out: 'You are signed out.',
  top_up_done: 'Top-up added to your line.',
  plan_change_scheduled: 'Plan switch scheduled for your next renewal.',
  plan_change_cancelled: 'Plan switch cancelled: you stay on your current plan.',
  card_added: 'Card added.',
  card_removed: 'Card removed.',
  default_changed: 'Default card changed.',
  email_change_sent: 'We sent a code to your new address. Enter it below to finish.',
  email_changed: 'Your email address is changed.',
  email_change_cancelled: 'Email change cancelled.',
  name_updated: 'Name updated.',
  phone_updated: 'Phone number updated.',
  address_updated: 'Address updated.',
  step_up_done: 'Confirmed.',
};

export function copyForRule(rule: string | undefined): { copy: string; known: boolean } {
  const copy = rule ? RULE_COPY[rule] : undefined;
  return copy ? { copy, known: true } : { copy: GENERIC_APOLOGY, known: false };
}
