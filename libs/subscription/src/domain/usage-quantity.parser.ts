import { InvalidInput } from '@bss/platform';
import type { AllowanceUnit } from './balance.calc';
import { unitOfEventType, type UsageEventType } from './rating.calc';

export interface UsageQuantity {
  quantity: number;
  unit: AllowanceUnit;
}

const SUFFIX_UNITS: Readonly<Record<string, { unit: AllowanceUnit; factor: number }>> = {
  mb: { unit: 'mb', factor: 1 },
  gb: { unit: 'mb', factor: 1024 },
  min: { unit: 'minutes', factor: 1 },
  mins: { unit: 'minutes', factor: 1 },
  minute: { unit: 'minutes', factor: 1 },
  minutes: { unit: 'minutes', factor: 1 },
  sms: { unit: 'count', factor: 1 },
  count: { unit: 'count', factor: 1 },
};

/**
 * `500mb`, `1gb` (×1024 mb), `10min`, `5` → an integer quantity in the event type's unit; a bare
 * number means mb, minutes or count by type. The sign is kept so `usage.record.positive_quantity`
 * can refuse it by name.
 */
export function parseUsageQuantity(text: string, eventType: UsageEventType, field = 'quantity'): UsageQuantity {
  const expected = unitOfEventType(eventType);
  const match = /^(-?\d+(?:\.\d+)?)\s*([a-z]+)?$/i.exec(text.trim());
  const invalid = (why: string) => new InvalidInput([{ field, messages: [`"${text}" ${why}`] }]);
  if (!match) throw invalid('is not a quantity like 500mb, 1gb, 10min or 5');
  const suffix = match[2]?.toLowerCase();
  const scale = suffix === undefined ? { unit: expected, factor: 1 } : SUFFIX_UNITS[suffix];
  if (!scale) throw invalid(`has an unknown unit "${match[2]}" (use mb, gb, min or sms)`);
  if (scale.unit !== expected) throw invalid(`is not a ${eventType} quantity: ${eventType} is measured in ${expected}`);
  const quantity = Number(match[1]) * scale.factor;
  if (!Number.isSafeInteger(quantity)) throw invalid(`is not a whole number of ${expected}`);
  return { quantity, unit: expected };
}
