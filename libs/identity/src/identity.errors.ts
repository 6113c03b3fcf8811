/** Rule ids the identity context raises (`<aggregate>.<verb>.<rule>`). */
export const IDENTITY_RULES = {
  loginStartRateLimited: 'login.start.rate_limited',
  loginVerifyRateLimited: 'login.verify.rate_limited',
  stepUpStartRateLimited: 'step_up.start.rate_limited',
  stepUpVerifyRateLimited: 'step_up.verify.rate_limited',
  emailChangeVerifyRateLimited: 'email_change.verify.rate_limited',
  stepUpUnknownLabel: 'step_up.label.known',
  linkOtherCustomer: 'identity.link.one_customer',
  emailChangeInUse: 'email_change.start.email_in_use',
  emailChangeSameEmail: 'email_change.start.differs_from_current',
  emailChangeRequiresCustomer: 'email_change.start.requires_linked_customer',
} as const;
export type IdentityRule = (typeof IDENTITY_RULES)[keyof typeof IDENTITY_RULES];
