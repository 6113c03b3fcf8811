import { createHash } from 'node:crypto';
import type { KycProvider } from './crm.values';

export interface DocumentFingerprint {
  last4: string;
  /** sha256hex(norm + "|" + country + "|" + provider). */
  hash: string;
}

/**
 * Reduces a raw document number to what we may keep. The caller drops the raw value right
 * after; only this fingerprint is stored, logged or published.
 */
export function fingerprintDocument(documentNumber: string, country: string, provider: KycProvider): DocumentFingerprint {
  const norm = documentNumber.trim().toUpperCase();
  return {
    last4: norm.slice(-4),
    hash: createHash('sha256').update(`${norm}|${country}|${provider}`, 'utf8').digest('hex'),
  };
}

/**
 * Channels sometimes echo the document number inside the provider payload; a copy stored there
 * would defeat the whole point, so any string containing it is replaced before storage.
 */
export function redactDocumentNumber(payload: Record<string, unknown>, documentNumber: string | undefined): Record<string, unknown> {
  const raw = documentNumber?.trim();
  if (!raw) return payload;
  const needle = raw.toUpperCase();
  const scrub = (value: unknown): unknown => {
    if (typeof value === 'string') return value.toUpperCase().includes(needle) ? '[redacted]' : value;
    if (Array.isArray(value)) return value.map(scrub);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v)]));
    return value;
  };
  return scrub(payload) as Record<string, unknown>;
}
