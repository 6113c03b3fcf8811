import { diditCountry, diditDocumentType, diditEventId, signDiditBody, verifyDiditSignature } from './didit-webhook';

describe('Didit webhook signature and mapping', () => {
  const secret = 'didit-secret-for-unit-tests';
  const body = Buffer.from('{"session_id":"abc","status":"Approved"}');

  it('accepts the HMAC-SHA256 (hex) of the exact raw body under the shared secret', () => {
    expect(verifyDiditSignature(body, signDiditBody(body, secret), secret)).toBe(true);
    expect(verifyDiditSignature(body, signDiditBody(body, secret).toUpperCase(), secret)).toBe(true);
  });

  it('refuses another secret, a changed byte, a missing or malformed header, and an unset secret', () => {
    expect(verifyDiditSignature(body, signDiditBody(body, 'other-secret'), secret)).toBe(false);
    expect(verifyDiditSignature(Buffer.from(body.toString().replace('abc', 'abd')), signDiditBody(body, secret), secret)).toBe(false);
    expect(verifyDiditSignature(body, undefined, secret)).toBe(false);
    expect(verifyDiditSignature(body, 'zz', secret)).toBe(false);
    expect(verifyDiditSignature(body, signDiditBody(body, ''), '')).toBe(false);
  });

  it('event ids: the explicit id when well-formed, else the body digest (a redelivery is the same event)', () => {
    expect(diditEventId(body, 'evt_1')).toBe('evt_1');
    expect(diditEventId(body, undefined)).toBe(diditEventId(Buffer.from(body), 'bad id with spaces'));
    expect(diditEventId(body, undefined)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('maps Didit document types and alpha-3 states onto ours; unknown ones map to nothing', () => {
    expect(diditDocumentType('Passport')).toBe('passport');
    expect(diditDocumentType('Identity Card')).toBe('nric');
    expect(diditDocumentType("Driver's License")).toBe('driving_license');
    expect(diditDocumentType('Library card')).toBeNull();
    expect(diditCountry('SGP')).toBe('SG');
    expect(diditCountry('my')).toBe('MY');
    expect(diditCountry('XXX')).toBeNull();
  });
});
