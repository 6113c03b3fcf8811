import { isEmail } from 'class-validator';
import { InvalidInput } from '@bss/platform';
import { E164_PATTERN, type MediumType } from './crm.values';

/**
 * The stored form of a medium value, or InvalidInput naming `field`. Emails are lower-cased so
 * that matching is case-insensitive everywhere (reference defect 14); phones must be E.164.
 */
export function normalizeMediumValue(mediumType: MediumType, value: string, field = 'value'): string {
  const text = value.trim();
  if (mediumType === 'email') {
    if (!isEmail(text)) throw new InvalidInput([{ field, messages: [`"${value}" is not an email address`] }]);
    return text.toLowerCase();
  }
  if (mediumType === 'phone') {
    if (!E164_PATTERN.test(text)) throw new InvalidInput([{ field, messages: [`"${value}" is not an E.164 phone number (e.g. +6591234567)`] }]);
    return text;
  }
  if (text === '') throw new InvalidInput([{ field, messages: ['must not be blank'] }]);
  return text;
}
