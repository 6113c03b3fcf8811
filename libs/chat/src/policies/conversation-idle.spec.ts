import { CONVERSATION_IDLE_ENV, conversationIdleMinutes, idleCutoff } from './conversation-idle';

describe('conversationIdleMinutes', () => {
  it('defaults to 60 when unset or empty', () => {
    expect(conversationIdleMinutes({})).toBe(60);
    expect(conversationIdleMinutes({ [CONVERSATION_IDLE_ENV]: '' })).toBe(60);
  });

  it('takes a whole number of minutes from 1 to a week', () => {
    expect(conversationIdleMinutes({ [CONVERSATION_IDLE_ENV]: '5' })).toBe(5);
    expect(conversationIdleMinutes({ [CONVERSATION_IDLE_ENV]: ' 10080 ' })).toBe(10_080);
  });

  it.each(['0', '-5', '1.5', 'abc', '60m', '10081', '1e3'])('refuses %p with a message naming the variable and the range', (value) => {
    expect(() => conversationIdleMinutes({ [CONVERSATION_IDLE_ENV]: value })).toThrow(
      `BSS_CHAT_CONVERSATION_IDLE_MINUTES must be a whole number of minutes from 1 to 10080 (default 60), got "${value}"`,
    );
  });
});

describe('idleCutoff', () => {
  it('is the moment that many minutes ago', () => {
    expect(idleCutoff(new Date('2026-03-02T10:00:00Z'), 60)).toEqual(new Date('2026-03-02T09:00:00Z'));
  });
});
