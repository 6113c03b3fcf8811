/** The chat's rule ids (`chat.<verb>.<rule>`); surfaces map them to customer copy. */
export const CHAT_RULES = {
  messageTooLong: 'chat.message.too_long',
  messageBlank: 'chat.message.blank',
  hourlyRateCap: 'chat.cap.hourly_rate',
  ipRateCap: 'chat.cap.ip_rate',
  monthlyCostCap: 'chat.cap.monthly_cost',
  capCheckFailed: 'chat.cap.check_failed',
  profileNotAllowed: 'chat.profile.not_allowed',
  ownerInvalid: 'chat.owner.invalid',
  nothingToConfirm: 'chat.confirm.nothing_pending',
} as const;
export type ChatRule = (typeof CHAT_RULES)[keyof typeof CHAT_RULES];
