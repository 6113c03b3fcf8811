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

/** Allowance id suffixes: `BA_S_DATA`, `BA_S_ROAM`, … */
export const ALLOWANCE_ID_SUFFIX: Readonly<Record<AllowanceType, string>> = {
  data: 'DATA',
  voice: 'VOICE',
  sms: 'SMS',
  data_roaming: 'ROAM',
};

/** A quantity of −1 means unlimited. */
export const UNLIMITED = -1;

export const SERVICE_SPEC_TYPES = ['CFS', 'RFS'] as const;
export type ServiceSpecType = (typeof SERVICE_SPEC_TYPES)[number];

export const DEFAULT_CURRENCY = 'SGD';
export const DEFAULT_SPEC_ID = 'SPEC_MOBILE_PREPAID';
