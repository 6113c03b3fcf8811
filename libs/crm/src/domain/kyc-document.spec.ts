import { fingerprintDocument, redactDocumentNumber } from './kyc-document';
import { createHash } from 'node:crypto';

describe('fingerprintDocument', () => {
  it('keeps last4 of the normalised number and sha256(norm|country|provider)', () => {
    const fp = fingerprintDocument('  s1234567d ', 'SG', 'prebaked');
    expect(fp.last4).toBe('567D');
    expect(fp.hash).toBe(createHash('sha256').update('S1234567D|SG|prebaked').digest('hex'));
    expect(fp.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same hash whatever the case or padding of the input', () => {
    expect(fingerprintDocument('S1234567D', 'SG', 'didit').hash).toBe(fingerprintDocument(' s1234567d', 'SG', 'didit').hash);
  });
});

describe('redactDocumentNumber', () => {
  it('replaces any string carrying the number, at any depth', () => {
    const out = redactDocumentNumber({ signature: 'abc', doc: { number: 'S1234567D' }, list: ['id s1234567d ok'] }, 's1234567d');
    expect(out).toEqual({ signature: 'abc', doc: { number: '[redacted]' }, list: ['[redacted]'] });
  });

  it('leaves the payload alone without a raw number', () => {
    const payload = { signature: 'abc' };
    expect(redactDocumentNumber(payload, undefined)).toBe(payload);
  });
});
