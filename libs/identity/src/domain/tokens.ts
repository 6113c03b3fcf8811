import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** 6 CSPRNG digits. */
export function newOtp(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** 24 CSPRNG bytes, base64url (32 characters): magic links, session tokens, step-up grants. */
export function newUrlToken(): string {
  return randomBytes(24).toString('base64url');
}

/** `IDN-` + 16 lowercase hex. */
export function longId(prefix: string): string {
  return `${prefix}-${randomBytes(8).toString('hex')}`;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/**
 * Codes and links are stored only as HMAC-SHA-256 keyed by the server pepper, bound to their
 * purpose and owner, so a leaked table cannot be brute-forced offline (a 6-digit code could be
 * without the key) and a code for one identity never matches another's.
 */
export class TokenHasher {
  constructor(private readonly pepper: string) {}

  hash(purpose: string, owner: string, value: string): string {
    return createHmac('sha256', this.pepper).update(`${purpose}\u0000${owner}\u0000${value}`, 'utf8').digest('hex');
  }

  matches(storedHex: string, purpose: string, owner: string, value: string): boolean {
    const expected = Buffer.from(storedHex, 'hex');
    const actual = Buffer.from(this.hash(purpose, owner, value), 'hex');
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }

  /** A key for other MACs (CSRF tokens, dev KYC signatures), derived so the pepper itself never leaves. */
  derive(label: string): Buffer {
    return createHmac('sha256', this.pepper).update(`derive:${label}`).digest();
  }
}
