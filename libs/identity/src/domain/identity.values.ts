/** Closed value sets of the portal identity context (schema portal_auth). */

export const IDENTITY_STATUSES = ['unverified', 'verified', 'registered', 'deleted'] as const;
export type IdentityStatus = (typeof IDENTITY_STATUSES)[number];

export const TOKEN_KINDS = ['otp', 'magic_link', 'step_up', 'step_up_grant'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

export const ATTEMPT_STAGES = ['login_start', 'login_verify', 'step_up_start', 'step_up_verify', 'email_change_verify'] as const;
export type AttemptStage = (typeof ATTEMPT_STAGES)[number];

/** Every outcome an attempt row records; the UI shows one generic message for all failures. */
export const ATTEMPT_OUTCOMES = ['issued', 'success', 'no_such_identity', 'no_active_token', 'expired', 'wrong_code', 'rate_limited'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/**
 * The closed list of sensitive writes that need a fresh emailed code (a step-up). A route that
 * names any other label fails startup.
 */
export const STEP_UP_LABELS = [
  'vas_purchase',
  'payment_method_add',
  'payment_method_remove',
  'payment_method_set_default',
  'subscription_terminate',
  'email_change',
  'phone_update',
  'address_update',
  'name_update',
  'plan_change_schedule',
  'plan_change_cancel',
  // Buying another line through the signup funnel as an existing customer (card on file): named after its verb.
  'signup.place_order',
] as const;
export type StepUpLabel = (typeof STEP_UP_LABELS)[number];

export function isStepUpLabel(value: unknown): value is StepUpLabel {
  return typeof value === 'string' && (STEP_UP_LABELS as readonly string[]).includes(value);
}

export const EMAIL_CHANGE_STATUSES = ['pending', 'consumed', 'cancelled', 'expired'] as const;
export type EmailChangeStatus = (typeof EMAIL_CHANGE_STATUSES)[number];
