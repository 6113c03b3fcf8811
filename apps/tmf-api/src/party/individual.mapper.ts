import type { CreateCustomerInput, CustomerView } from '@bss/crm';
import { InvalidInput } from '@bss/platform';
import { compact, type TmfResource } from '#tmf-api/tmf/tmf-list';
import { TMF_BASE } from '#tmf-api/tmf/tmf-paths';

const BASE = TMF_BASE.party;

/** TMF632 Individual: the customer's party. Its id is the customer id every other API refers to. */
export function toIndividual(c: CustomerView): TmfResource {
  return compact({
    id: c.id,
    href: `${BASE}/individual/${c.id}`,
    '@type': 'Individual',
    '@baseType': 'Party',
    givenName: c.givenName,
    familyName: c.familyName,
    fullName: c.name,
    // TMF632 types birthDate as date-time; ours is a calendar date.
    birthDate: c.dateOfBirth ? `${c.dateOfBirth}T00:00:00.000Z` : undefined,
    status: c.kycStatus === 'verified' ? 'validated' : 'initialized',
    contactMedium: c.contactMedia.map((m) => ({
      '@type': 'ContactMedium',
      mediumType: m.mediumType,
      preferred: m.isPrimary,
      characteristic: m.mediumType === 'email' ? { emailAddress: m.value } : m.mediumType === 'phone' ? { phoneNumber: m.value } : { contactType: m.mediumType },
      validFor: compact({ startDateTime: m.validFrom.toISOString(), endDateTime: m.validTo?.toISOString() }),
    })),
  });
}

interface TmfContactMedium {
  mediumType?: unknown;
  characteristic?: { emailAddress?: unknown; phoneNumber?: unknown };
}

function mediumValue(body: Record<string, unknown>, type: 'email' | 'phone'): unknown {
  const media = body.contactMedium;
  if (media === undefined) return undefined;
  if (!Array.isArray(media)) throw new InvalidInput([{ field: 'contactMedium', messages: ['contactMedium must be an array'] }]);
  const medium = (media as TmfContactMedium[]).find((m) => m?.mediumType === type || (type === 'email' ? m?.characteristic?.emailAddress : m?.characteristic?.phoneNumber) !== undefined);
  return type === 'email' ? medium?.characteristic?.emailAddress : medium?.characteristic?.phoneNumber;
}

/** `2001-02-03` or `2001-02-03T00:00:00Z` → `2001-02-03`; anything else goes to the command's validation as sent. */
function calendarDate(value: unknown): unknown {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(value) ? value.slice(0, 10) : value;
}

/** Individual_Create → the customer.create input; the command validates every field. */
export function toCreateCustomerInput(body: Record<string, unknown>): CreateCustomerInput {
  return compact({
    givenName: body.givenName,
    familyName: body.familyName,
    email: mediumValue(body, 'email'),
    phone: mediumValue(body, 'phone'),
    dateOfBirth: calendarDate(body.birthDate),
  }) as unknown as CreateCustomerInput;
}

const PATCHABLE = ['givenName', 'familyName', 'birthDate'];

/** A merge-patch of the individual's names and birth date (contact media have their own verbs). */
export function toUpdateIndividualInput(customerId: string, patch: Record<string, unknown>) {
  const refused = Object.keys(patch).filter((k) => !PATCHABLE.includes(k));
  if (refused.length > 0) throw new InvalidInput(refused.map((field) => ({ field, messages: [`${field} cannot be patched here; patchable: ${PATCHABLE.join(', ')}`] })));
  return compact({ customerId, givenName: patch.givenName, familyName: patch.familyName, dateOfBirth: calendarDate(patch.birthDate) }) as {
    customerId: string;
    givenName?: string;
    familyName?: string;
    dateOfBirth?: string;
  };
}
