import { InvalidInput, parseInstant } from '@bss/platform';

/** `[validFrom, validTo)`: null bounds are open, the end is exclusive so rows can sit back to back. */
export interface ValidityWindow {
  validFrom: Date | null;
  validTo: Date | null;
}

export function isActiveAt(window: ValidityWindow, at: Date): boolean {
  const t = at.getTime();
  return (window.validFrom === null || window.validFrom.getTime() <= t) && (window.validTo === null || window.validTo.getTime() > t);
}

/** ISO strings from the wire → a window; an empty or inverted window is malformed input naming `validTo`. */
export function parseWindow(input: { validFrom?: string | null; validTo?: string | null }): ValidityWindow {
  const validFrom = input.validFrom ? parseInstant(input.validFrom, 'validFrom') : null;
  const validTo = input.validTo ? parseInstant(input.validTo, 'validTo') : null;
  if (validFrom && validTo && validTo.getTime() <= validFrom.getTime()) {
    throw new InvalidInput([{ field: 'validTo', messages: [`validTo (${validTo.toISOString()}) must be after validFrom (${validFrom.toISOString()})`] }]);
  }
  return { validFrom, validTo };
}
