/** National numbers in the pool are 8 digits; ported-in and range numbers may be longer (E.164 max 15). */
export const MSISDN_PATTERN = /^\d{8,15}$/;
export const ICCID_PATTERN = /^\d{19,20}$/;
export const SUBSCRIPTION_ID_PATTERN = /^SUB-\d{4,}$/;
