import { InvalidInput } from '@bss/platform';

export const ORDER_ID_PATTERN = /^ORD-\d{4,}$/;
export const TASK_ID_PATTERN = /^PTK-\d{4,}$/;
export const SERVICE_ID_PATTERN = /^SVC-\d{4,}$/;
export const SUBSCRIPTION_ID_PATTERN = /^SUB-\d{4,}$/;
export const CUSTOMER_ID_PATTERN = /^CUST-[0-9a-f]{8}$/;
export const MSISDN_PREFERENCE_PATTERN = /^\d{8,15}$/;

/** Reads take ids too: a malformed one is InvalidInput naming the field, an unknown one NotFound. */
export function assertIdFormat(field: string, value: string, pattern: RegExp, example: string): void {
  if (!pattern.test(value)) throw new InvalidInput([{ field, messages: [`${field} must look like ${example}, got "${value}"`] }]);
}
