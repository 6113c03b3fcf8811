/** Rule ids the conversation store raises as PolicyViolation. */
export const CONVERSATION_RULES = {
  sessionClosed: 'session.append.session_active',
  notOwner: 'session.resume.owned_by_actor',
} as const;
export type ConversationRule = (typeof CONVERSATION_RULES)[keyof typeof CONVERSATION_RULES];
