/** Value types shared by the catalog's entities, views and commands. */

export const LIFECYCLE_STATUSES = ['in_design', 'active', 'retired'] as const;
export type LifecycleStatus = (typeof LIFECYCLE_STATUSES)[number];

export const PRICE_TYPES = ['recurring', 'one_time'] as const;
export type PriceType = (typeof PRICE_TYPES)[number];

export const RECURRING_PERIOD_TYPES = ['month'] as const;
export type RecurringPeriodType = (typeof RECURRING_PERIOD_TYPES)[number];

export const ALLOWANCE_TYPES = ['data', 'voice', 'sms', 'data_roaming'] as const;
export type AllowanceType = (typeof ALLOWANCE_TYPES)[number];

export const ALLOWANCE_UNITS = ['mb', 'minutes', 'count'] as const;
export type AllowanceUnit = (typeof ALLOWANCE_UNITS)[number];

/** Each allowance type is always counted in one unit. */
export const ALLOWANCE_UNIT_OF: Readonly<Record<AllowanceType, AllowanceUnit>> = {
  data: 'mb',
  voice: 'minutes',
  sms: 'count',
  data_roaming: 'mb',
};

const ALLOWANCE_ID_SUFFIX: Readonly<Record<AllowanceType, string>> = {
  data: 'DATA',
  voice: 'VOICE',
  sms: 'SMS',
  data_roaming: 'ROAM',
};

/** `BA_S_DATA` for the seeded PLAN_S, `BA_<offeringId>_ROAM` for offerings added at runtime. */
export function allowanceId(code: string, type: AllowanceType): string {
  return `BA_${code}_${ALLOWANCE_ID_SUFFIX[type]}`;
}

/** A quantity of −1 means unlimited. */
export const UNLIMITED = -1;

export const SERVICE_SPEC_TYPES = ['CFS', 'RFS'] as const;
export type ServiceSpecType = (typeof SERVICE_SPEC_TYPES)[number];

export const DEFAULT_CURRENCY = 'SGD';
export const DEFAULT_SPEC_ID = 'SPEC_MOBILE_PREPAID';

/** Every plan decomposes into the mobile-broadband CFS over both bearers. */
export const DEFAULT_SERVICE_MAPPING = {
  cfsSpecId: 'SSPEC_CFS_MOBILE_BROADBAND',
  rfsSpecIds: ['SSPEC_RFS_DATA_BEARER', 'SSPEC_RFS_VOICE_BEARER'],
} as const;

/** Catalog ids are UPPER_SNAKE: `PLAN_XL`, `PRICE_PLAN_XL_1767225600`. */
export const CATALOG_ID_PATTERN = /^[A-Z][A-Z0-9_]{1,63}$/;
/** A positive amount with at most 2 decimals, as a string: "25", "25.00". */
export const POSITIVE_AMOUNT_PATTERN = /^(?!0+(\.0{1,2})?$)\d{1,10}(\.\d{1,2})?$/;
/** ISO-4217 style, e.g. SGD. */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;
