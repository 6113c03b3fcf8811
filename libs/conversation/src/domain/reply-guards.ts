/**
 * Post-processing of a cockpit reply (spec §3.2 step 7, §6): the proposal line of a staged
 * destructive call, and the citation guard that refuses an answer quoting the handbook when no
 * knowledge tool ran this turn.
 */

/** Literal start of the citation fallback (other code matches on it). */
export const NO_CITATION_PREFIX = "I don't have a citation for that";

const CITATION_CLAIM = new RegExp(
  [
    String.raw`\b(?:per|according\s+to|as\s+per)\s+(?:the\s+)?(?:handbook|runbooks?|doctrine|(?:claude|architecture|decisions|tool_surface|handbook|contributing)\.md)`,
    String.raw`\b(?:in\s+)?the\s+(?:handbook|runbooks?|doctrine)\s+(?:says|states|specifies|mentions|requires|forbids|allows)`,
    String.raw`\bthe\s+docs?\s+(?:says?|states?|specif(?:y|ies)|mentions?|requires?|forbids?)`,
    String.raw`\(see\s+(?:docs/)?(?:handbook|runbooks/)[^)]*#`,
  ].join('|'),
  'i',
);

export function claimsCitation(text: string): boolean {
  return CITATION_CLAIM.test(text);
}

export function knowledgeCalled(toolNames: readonly string[]): boolean {
  return toolNames.some((name) => name.startsWith('knowledge.'));
}

/** The reply as sent: unchanged, or the fallback when it cites the docs without a knowledge call this turn. */
export function guardCitation(text: string, toolNames: readonly string[], question: string): string {
  if (!claimsCitation(text) || knowledgeCalled(toolNames)) return text;
  const query = question.replace(/["\n]/g, ' ').trim().slice(0, 80);
  return `${NO_CITATION_PREFIX}: the answer quoted the handbook without looking it up. Search it with: bss admin knowledge search "${query}"`;
}

const ID_VALUE = /^[A-Z][A-Z0-9_]*-[0-9A-Za-z-]+$/;
const MAX_VALUE_CHARS = 40;

/** `subscription.terminate(SUB-0007, reason=customer_request)`: ids bare, other arguments as key=value. */
export function describeCall(toolName: string, args: Record<string, unknown>): string {
  const isId = (value: unknown) => typeof value === 'string' && ID_VALUE.test(value);
  const short = (value: unknown) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
  };
  // Ids first, then the rest by name: the same call reads the same however its arguments were ordered (jsonb reorders keys).
  const entries = Object.entries(args).sort(([a, x], [b, y]) => Number(isId(y)) - Number(isId(x)) || a.localeCompare(b));
  const parts = entries.map(([key, value]) => (isId(value) ? short(value) : `${key}=${short(value)}`));
  return `${toolName}(${parts.join(', ')})`;
}

export function proposalText(toolName: string, args: Record<string, unknown>): string {
  return `Proposed ${describeCall(toolName, args)} — type /confirm to run it (anything else drops it).`;
}
