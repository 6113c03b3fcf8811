import type { SessionSummary } from '@bss/conversation';
import { bucketSessions } from '#cockpit/conversation/conversation.controller';
import { oneLine } from '#cockpit/conversation/turn-runner';
import { msisdnCandidates } from '#cockpit/customers/customers.controller';
import { usedBars } from '#cockpit/customers/line-bars';
import { withFlash } from '#cockpit/http/cockpit-ui';

describe('cockpit helpers', () => {
  it('an MSISDN typed any way becomes the stored digits (with and without the country code); names and emails are not numbers', () => {
    expect(msisdnCandidates('+65 9123 4567')).toEqual(['6591234567', '91234567']);
    expect(msisdnCandidates('9123 4567')).toEqual(['91234567', '6591234567']);
    expect(msisdnCandidates('Ada Lovelace')).toEqual([]);
    expect(msisdnCandidates('ada@example.com')).toEqual([]);
    expect(msisdnCandidates('1234')).toEqual([]);
  });

  it('balance bars show what is USED, unlimited stays empty, 80 % warns and 100 % is red', () => {
    const [data, voice, sms] = usedBars([
      { allowanceType: 'data', total: 1000, consumed: 850, remaining: 150, unit: 'mb' },
      { allowanceType: 'voice', total: -1, consumed: 12, remaining: -1, unit: 'minutes' },
      { allowanceType: 'sms', total: 100, consumed: 100, remaining: 0, unit: 'count' },
    ]);
    expect(data).toMatchObject({ pctUsed: 85, widthClass: 85, tone: 'warn' });
    expect(voice).toMatchObject({ pctUsed: 0, widthClass: 0, tone: 'ok' });
    expect(voice.text).toContain('unlimited');
    expect(sms).toMatchObject({ pctUsed: 100, widthClass: 100, tone: 'err' });
  });

  it('sessions bucket into Today / Yesterday / Earlier by UTC day', () => {
    const at = (iso: string) => ({ id: iso, lastActiveAt: iso }) as unknown as SessionSummary;
    const buckets = bucketSessions([at('2026-12-05T08:00:00Z'), at('2026-12-04T23:59:00Z'), at('2026-11-30T10:00:00Z')], new Date('2026-12-05T12:00:00Z'));
    expect(buckets.map((b) => [b.label, b.sessions.map((s) => s.id)])).toEqual([
      ['Today', ['2026-12-05T08:00:00Z']],
      ['Yesterday', ['2026-12-04T23:59:00Z']],
      ['Earlier', ['2026-11-30T10:00:00Z']],
    ]);
  });

  it('a flash replaces the previous one and keeps the query; an SSE frame is one line', () => {
    expect(withFlash('/cases?state=open&err=old', 'flash', 'Note added')).toBe('/cases?state=open&flash=Note+added');
    expect(oneLine('<pre>a\nb\r\nc</pre>')).toBe('<pre>a&#10;b&#10;c</pre>');
  });
});
