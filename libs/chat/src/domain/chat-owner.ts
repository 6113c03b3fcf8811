/**
 * Whose conversation it is: a signed-in customer (`CUST-…`, the tools act on their lines) or an
 * anonymous visitor (`anon-…`: a verified email without a line, or a browser before sign-in),
 * who gets the public catalog only. The key is also what the caps count by.
 */
export type ChatOwner = { kind: 'customer'; customerId: string } | { kind: 'visitor'; anonKey: string };

export const CUSTOMER_KEY = /^CUST-[0-9a-f]{8}$/;
export const ANON_KEY = /^anon-[A-Za-z0-9_-]{1,80}$/;

export function ownerKeyOf(owner: ChatOwner): string {
  return owner.kind === 'customer' ? owner.customerId : owner.anonKey;
}
