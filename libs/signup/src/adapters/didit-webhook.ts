import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Didit signs each webhook with HMAC-SHA256 over the exact bytes it sent (`X-Signature-V2`, hex).
 * We compare over the raw body — never a re-serialised JSON — in constant time.
 */
export function verifyDiditSignature(rawBody: Buffer, signature: string | undefined, secret: string): boolean {
  if (!secret || !signature || !/^[0-9a-fA-F]{64}$/.test(signature.trim())) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(signature.trim(), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** For senders (tests, local tooling): the header value Didit would send for this body. */
export function signDiditBody(rawBody: Buffer | string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex');
}

/**
 * Didit sends no separate delivery id on every event type: the explicit id when present, else the
 * body's own digest — a redelivery of the same bytes is the same event.
 */
export function diditEventId(rawBody: Buffer, explicit: unknown): string {
  if (typeof explicit === 'string' && /^[A-Za-z0-9_.:-]{1,100}$/.test(explicit)) return explicit;
  return `sha256:${createHash('sha256').update(rawBody).digest('hex')}`;
}

const DOCUMENT_TYPES: Readonly<Record<string, 'nric' | 'passport' | 'fin' | 'driving_license'>> = {
  passport: 'passport',
  'identity card': 'nric',
  'id card': 'nric',
  'national id': 'nric',
  nric: 'nric',
  'residence permit': 'fin',
  fin: 'fin',
  "driver's license": 'driving_license',
  'driving license': 'driving_license',
  'drivers license': 'driving_license',
};

/** Didit's document type names onto ours; anything else is not a document we attest. */
export function diditDocumentType(value: unknown): 'nric' | 'passport' | 'fin' | 'driving_license' | null {
  return typeof value === 'string' ? (DOCUMENT_TYPES[value.trim().toLowerCase()] ?? null) : null;
}

/** Didit reports ISO 3166 alpha-3 issuing states; the CRM keeps alpha-2 (default SG when unknown). */
export function diditCountry(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(v)) return v;
  return ({ SGP: 'SG', MYS: 'MY', IDN: 'ID', PHL: 'PH', THA: 'TH', VNM: 'VN', IND: 'IN', CHN: 'CN', GBR: 'GB', USA: 'US', AUS: 'AU' } as Record<string, string>)[v] ?? null;
}
