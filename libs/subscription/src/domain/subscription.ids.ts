/** Input formats every subscription DTO validates against (malformed → InvalidInput naming the field). */
export const SUBSCRIPTION_ID_PATTERN = /^SUB-\d{4,}$/;
export const MSISDN_PATTERN = /^\d{8,15}$/;
export const ICCID_PATTERN = /^\d{19,20}$/;
export const CUSTOMER_ID_PATTERN = /^CUST-[0-9a-f]{8}$/;
export const CATALOG_ID_PATTERN = /^[A-Z][A-Z0-9_]{1,63}$/;
export const MONEY_PATTERN = /^\d{1,10}(\.\d{1,2})?$/;
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

export const SUBSCRIPTION_SEQUENCE = 'subscription.subscription_seq';
export const USAGE_EVENT_SEQUENCE = 'subscription.usage_event_seq';
