import { PolicyViolation } from '@bss/platform';
import { CHAT_RULES } from '#chat/chat.errors';

/** A message above this many UTF-8 bytes is refused before anything else happens (never sent to a model). */
export const MAX_MESSAGE_BYTES = 4096;

export function assertChatMessageAcceptable(message: string): void {
  const bytes = Buffer.byteLength(message, 'utf8');
  if (bytes > MAX_MESSAGE_BYTES) {
    throw new PolicyViolation(CHAT_RULES.messageTooLong, `Your message is too long (${bytes} bytes; the limit is ${MAX_MESSAGE_BYTES}). Please shorten it.`, {
      bytes,
      limit: MAX_MESSAGE_BYTES,
    });
  }
  if (!message.trim()) throw new PolicyViolation(CHAT_RULES.messageBlank, 'Please type a message.', {});
}
