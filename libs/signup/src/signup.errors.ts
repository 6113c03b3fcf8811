/** Rule ids the signup context raises (`<aggregate>.<verb>.<rule>`). */
export const SIGNUP_RULES = {
  notEditable: 'signup.edit.before_order_only',
  incomplete: 'signup.place_order.requires_all_steps',
  numberUnavailable: 'signup.choose_number.available',
  offeringNotSellable: 'signup.start.offering_sellable',
  dateOfBirthPlausible: 'signup.attest_kyc.date_of_birth_plausible',
  kycHandoffApproved: 'signup.kyc_handoff.approved',
  kycHandoffNotConfigured: 'signup.kyc_handoff.provider_is_didit',
} as const;
export type SignupRule = (typeof SIGNUP_RULES)[keyof typeof SIGNUP_RULES];
