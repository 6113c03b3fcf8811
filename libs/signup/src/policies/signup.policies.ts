import { PolicyViolation } from '@bss/platform';
import { SIGNUP_RULES } from '#signup/signup.errors';
import { SIGNUP_STEPS, type SignupState, type SignupStep } from '#signup/domain/signup.state';

export interface SignupFacts {
  id: string;
  state: SignupState;
  msisdn: string | null;
  customerId: string | null;
  kycAttestedAt: Date | null;
  paymentMethodId: string | null;
}

function done(step: SignupStep, j: SignupFacts): boolean {
  switch (step) {
    case 'number':
      return j.msisdn !== null;
    case 'details':
      return j.customerId !== null;
    case 'kyc':
      return j.kycAttestedAt !== null;
    case 'card':
      return j.paymentMethodId !== null;
    case 'review':
      return false;
  }
}

/** The first step still to do; `review` once every fact is collected. */
export function nextSignupStep(j: SignupFacts): SignupStep {
  return SIGNUP_STEPS.find((s) => !done(s, j)) ?? 'review';
}

/** Going back is always fine; going forward only as far as the first incomplete step. */
export function isStepReachable(j: SignupFacts, step: SignupStep): boolean {
  return SIGNUP_STEPS.indexOf(step) <= SIGNUP_STEPS.indexOf(nextSignupStep(j));
}

/** signup.edit.before_order_only: once the order is placed the collected facts are frozen. */
export function assertSignupEditable(j: SignupFacts): void {
  if (j.state !== 'collecting') {
    throw new PolicyViolation(SIGNUP_RULES.notEditable, 'This signup has already been ordered', { signupId: j.id, state: j.state });
  }
}

/** signup.edit.before_order_only for a step that needs the earlier ones first. */
export function assertStepReachable(j: SignupFacts, step: SignupStep): void {
  assertSignupEditable(j);
  if (!isStepReachable(j, step)) {
    throw new PolicyViolation(SIGNUP_RULES.incomplete, `Finish "${nextSignupStep(j)}" before "${step}"`, { signupId: j.id, step, next: nextSignupStep(j) });
  }
}

/** signup.place_order.requires_all_steps: number, details, KYC and card before the order. */
export function assertReadyToOrder(j: SignupFacts): void {
  assertSignupEditable(j);
  const missing = SIGNUP_STEPS.filter((s) => s !== 'review' && !done(s, j));
  if (missing.length > 0) {
    throw new PolicyViolation(SIGNUP_RULES.incomplete, `Still to do: ${missing.join(', ')}`, { signupId: j.id, missing });
  }
}

/** The earliest birth date taken as real; anything older is a typo in the year. */
export const EARLIEST_DATE_OF_BIRTH = '1900-01-01';

/**
 * signup.attest_kyc.date_of_birth_plausible: the date of birth (YYYY-MM-DD, already a real
 * calendar date) lies between 1900-01-01 and today; a future or 19th-century date is a typo.
 */
export function assertPlausibleDateOfBirth(dateOfBirth: string, today: Date): void {
  const todayIso = today.toISOString().slice(0, 10);
  if (dateOfBirth < EARLIEST_DATE_OF_BIRTH || dateOfBirth > todayIso) {
    throw new PolicyViolation(SIGNUP_RULES.dateOfBirthPlausible, `Date of birth ${dateOfBirth} must be between ${EARLIEST_DATE_OF_BIRTH} and today`, { dateOfBirth, today: todayIso });
  }
}

/**
 * A journey started by someone who was already a customer orders against the card on file, so
 * placing it is a money-moving self-care write and needs a fresh step-up like a top-up; a
 * brand-new customer typed the card in this very journey.
 */
export function signupOrderNeedsStepUp(j: { forExistingCustomer: boolean }): boolean {
  return j.forExistingCustomer;
}
