/**
 * The claim guard (spec §5): a reply that says in the first person that it escalated, or that a
 * case was raised/opened/filed, when `case.open_for_me` did not succeed this turn, is a promise
 * nobody will keep. It is replaced by a pointer to the support address.
 */
const FIRST_PERSON_ESCALATION = /\b(i|i've|i have|i'm|i am|i'll|i will|we've|we have|we'll|we will)\b[^.!?\n]{0,40}\bescalat\w*/i;
const CASE_RAISED = /\b(raised|opened|filed|logged|created)\s+(a|the|your|an)?\s*(support\s+)?(case|ticket)\b/i;

export function claimsEscalation(text: string): boolean {
  return FIRST_PERSON_ESCALATION.test(text) || CASE_RAISED.test(text);
}

export function escalationFallback(supportEmail: string): string {
  return `I could not open a case for this in the chat. Please write to ${supportEmail} and a person from our team will help you.`;
}
