import {
  formatAllowance,
  formatDay,
  formatMinute,
  formatMsisdn,
  groupIccid,
  redactToLast4,
  splitImsi,
  toLpaString,
} from './format.util';

describe('format helpers', () => {
  it('splits an 8-digit MSISDN as XXXX XXXX and leaves anything else alone', () => {
    expect(formatMsisdn('91234567')).toBe('9123 4567');
    expect(formatMsisdn('6591234567')).toBe('+65 9123 4567');
    expect(formatMsisdn(null)).toBe('');
  });

  it('groups an ICCID by four', () => {
    expect(groupIccid('8965012345678901234')).toBe('8965 0123 4567 8901 234');
  });

  it('splits an IMSI as MCC MNC MSIN', () => {
    expect(splitImsi('525011234567890')).toBe('525 01 1234567890');
  });

  it('redacts to the last four', () => {
    expect(redactToLast4('525011234567890')).toBe('•••••••••••7890');
    expect(redactToLast4('123')).toBe('123');
  });

  it('formats timestamps from strings and Dates alike', () => {
    const at = new Date('2026-03-04T05:06:07.000Z');
    expect(formatDay(at)).toBe('2026-03-04');
    expect(formatMinute(at)).toBe('2026-03-04 05:06');
    expect(formatMinute('2026-03-04T05:06:07Z')).toBe('2026-03-04 05:06');
    expect(formatDay(null)).toBe('—');
  });

  it('describes allowances in catalog wording', () => {
    expect(formatAllowance(1024, 'mb')).toBe('1 GB');
    expect(formatAllowance(1536, 'mb')).toBe('1.5 GB');
    expect(formatAllowance(500, 'mb')).toBe('500 MB');
    expect(formatAllowance(100, 'minutes')).toBe('100 min');
    expect(formatAllowance(100, 'count')).toBe('100 SMS');
    expect(formatAllowance(-1, 'mb')).toBe('Unlimited');
    expect(formatAllowance(null, 'mb')).toBe('Unlimited');
    expect(formatAllowance('unlimited', 'mb')).toBe('Unlimited');
    expect(formatAllowance(0, 'mb')).toBe('Not included');
  });

  it('builds an LPA string from a bare or full code', () => {
    expect(toLpaString('smdp.example$ABC')).toBe('LPA:1$smdp.example$ABC');
    expect(toLpaString('LPA:1$smdp.example$ABC')).toBe('LPA:1$smdp.example$ABC');
    expect(toLpaString('')).toBe('LPA:1$smdp.bss-cli.local$UNKNOWN');
  });
});
