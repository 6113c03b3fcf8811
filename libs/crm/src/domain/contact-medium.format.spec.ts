import { InvalidInput } from '@bss/platform';
import { normalizeMediumValue } from './contact-medium.format';

describe('normalizeMediumValue', () => {
  it('lower-cases emails so matching is case-insensitive', () => {
    expect(normalizeMediumValue('email', ' Ada@Example.COM ')).toBe('ada@example.com');
  });

  it('refuses a malformed email naming the field', () => {
    expect(() => normalizeMediumValue('email', 'not-an-email', 'email')).toThrow(InvalidInput);
    try {
      normalizeMediumValue('email', 'nope', 'email');
    } catch (error) {
      expect((error as InvalidInput).fields[0].field).toBe('email');
    }
  });

  it('accepts E.164 phones and refuses national or lettered ones', () => {
    expect(normalizeMediumValue('phone', '+6591234567')).toBe('+6591234567');
    expect(() => normalizeMediumValue('phone', '91234567')).toThrow(InvalidInput);
    expect(() => normalizeMediumValue('phone', '+65 9123 4567')).toThrow(InvalidInput);
  });

  it('keeps postal text and refuses blanks', () => {
    expect(normalizeMediumValue('postal', ' 1 Raffles Place ')).toBe('1 Raffles Place');
    expect(() => normalizeMediumValue('postal', '  ')).toThrow(InvalidInput);
  });
});
