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
