import type { MessageView } from './session.views';

/**
 * Assistant bubbles that are the surface's own chrome (error notes, guard fallbacks), not
 * something the model said: they never go back to the model as history. Literal prefixes (spec §3.3).
 */
export const CHROME_PREFIXES = ['Sorry — something went wrong', '(The model called ', '(no reply)', "I don't have a citation for that"] as const;

/** The transcript a model reads at most; older text is cut (spec §3.4). */
export const TRANSCRIPT_MAX_CHARS = 32_000;
export const TRANSCRIPT_ELISION = '[… earlier conversation elided; /reset starts afresh …]';

export function isCockpitChrome(text: string): boolean {
  const trimmed = text.trim();
  return trimmed === '' || CHROME_PREFIXES.some((prefix) => trimmed.startsWith(prefix));
}

/** The rows a model sees again: user and tool rows, and the assistant rows that are not chrome. */
export function historyRows(messages: readonly MessageView[]): MessageView[] {
  return messages.filter((m) => m.role !== 'assistant' || !isCockpitChrome(m.content));
}

/**
 * The conversation as text: `user:` / `assistant:` / `tool[<name>]:` blocks joined by blank
 * lines, chrome dropped, cut to the newest `maxChars` with an elision note in front.
 */
export function transcriptText(messages: readonly MessageView[], maxChars = TRANSCRIPT_MAX_CHARS): string {
  const text = historyRows(messages)
    .map((m) => `${m.role === 'tool' ? `tool[${m.toolName ?? 'unknown'}]` : m.role}:\n${m.content}`)
    .join('\n\n');
  if (text.length <= maxChars) return text;
  return `${TRANSCRIPT_ELISION}\n\n${text.slice(text.length - maxChars)}`;
}
