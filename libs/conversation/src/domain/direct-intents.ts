/**
 * Lines the cockpit answers without a model (spec §3.1 list-intent intercept): a plain listing
 * request maps to one read tool run directly, so the common "show me X" costs a query, not a
 * model call. Anything with more words than a listing (a name, a state, an id) goes to the agent.
 */
export interface DirectIntent {
  tool: string;
  args: Record<string, unknown>;
}

const LEAD = String.raw`^\s*(?:please\s+)?(?:list|show|get|display|view)?\s*(?:me\s+)?(?:all\s+|the\s+|all\s+the\s+)?`;
const TAIL = String.raw`\s*[.!?]*\s*$`;

const INTENTS: readonly { pattern: RegExp; tool: string }[] = [
  { pattern: new RegExp(`${LEAD}customers${TAIL}`, 'i'), tool: 'customer.list' },
  { pattern: new RegExp(`${LEAD}(?:plans|products|offerings|product\\s+catalog|catalog)${TAIL}`, 'i'), tool: 'catalog.list' },
  { pattern: new RegExp(`${LEAD}(?:vas|top-?ups|vas\\s+offerings)${TAIL}`, 'i'), tool: 'catalog.vas' },
  { pattern: new RegExp(`${LEAD}(?:msisdns|numbers|available\\s+numbers|inventory)${TAIL}`, 'i'), tool: 'inventory.msisdn.list' },
  { pattern: new RegExp(`${LEAD}(?:port\\s+requests|port-?ins|port-?outs|ports)${TAIL}`, 'i'), tool: 'port.list' },
  { pattern: new RegExp(`${LEAD}orders${TAIL}`, 'i'), tool: 'order.list' },
];

/** The read tool a listing line maps to, or null when the line needs the agent. A bare noun counts only with a verb ("customers" alone does). */
export function directIntentOf(line: string): DirectIntent | null {
  const hit = INTENTS.find((intent) => intent.pattern.test(line));
  return hit ? { tool: hit.tool, args: {} } : null;
}
