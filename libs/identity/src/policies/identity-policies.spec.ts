import { InvalidInput, PolicyViolation } from '@bss/platform';
import { assertEmailChangeAllowed, type EmailChangeFacts } from './email-change.policies';
import { assertLinkable } from './identity.policies';
import { judgeCode, normaliseEmail } from './login.policies';
import { safeNextPath } from './next-url.policies';
import { assertNotRateLimited, isRateLimited } from './rate-limit.policies';
import { assertStepUpLabel } from './step-up.policies';

const rule = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof PolicyViolation ? e.rule : (e as Error).constructor.name;
  }
  return 'allowed';
};

describe('rate limits (login.start / login.verify / step_up.* .rate_limited)', () => {
  const limit = { max: 3, windowSeconds: 900 };
  it('allows below the max and blocks at it', () => {
    expect(isRateLimited(2, limit)).toBe(false);
    expect(isRateLimited(3, limit)).toBe(true);
    expect(rule(() => assertNotRateLimited('step_up.verify.rate_limited', 2, limit))).toBe('allowed');
    expect(rule(() => assertNotRateLimited('step_up.verify.rate_limited', 3, limit))).toBe('step_up.verify.rate_limited');
  });
});

describe('normaliseEmail', () => {
  it('trims, lower-cases and keeps + tags', () => {
    expect(normaliseEmail(' Ada+x@Example.SG ')).toBe('ada+x@example.sg');
  });
  it.each(['', 'ab', 'no-at-sign', 'a b@c.d', 'a@b@c', 42])('refuses %p naming the field', (raw) => {
    expect(() => normaliseEmail(raw)).toThrow(InvalidInput);
  });
});

describe('judgeCode', () => {
  const now = new Date('2026-01-01T00:10:00Z');
  const live = { id: 'A', codeHash: 'h1', expiresAt: new Date('2026-01-01T00:20:00Z'), consumedAt: null };
  const old = { id: 'B', codeHash: 'h2', expiresAt: new Date('2026-01-01T00:05:00Z'), consumedAt: null };
  const used = { id: 'C', codeHash: 'h3', expiresAt: new Date('2026-01-01T00:20:00Z'), consumedAt: now };
  it('matches a live code', () => expect(judgeCode([old, live], now, (h) => h === 'h1')).toEqual({ outcome: 'success', token: live }));
  it('wrong code', () => expect(judgeCode([live], now, () => false)).toEqual({ outcome: 'wrong_code' }));
  it('only expired codes → expired, even when the code matches', () => expect(judgeCode([old], now, () => true)).toEqual({ outcome: 'expired' }));
  it('nothing outstanding → no_active_token', () => expect(judgeCode([used], now, () => true)).toEqual({ outcome: 'no_active_token' }));
});

describe('safeNextPath', () => {
  it.each(['//evil.com', 'https://x', '/a\\b', '/\\evil', 'relative', '/x\r\nSet-Cookie: a=b', '', undefined])('%p → /', (raw) => {
    expect(safeNextPath(raw)).toBe('/');
  });
  it('keeps same-origin paths with queries', () => expect(safeNextPath('/top-up?subscription=SUB-0001')).toBe('/top-up?subscription=SUB-0001'));
});

describe('step_up.label.known', () => {
  it('allows a listed label', () => expect(assertStepUpLabel('vas_purchase')).toBe('vas_purchase'));
  it('refuses any other', () => expect(rule(() => assertStepUpLabel('launch_missiles'))).toBe('step_up.label.known'));
});

describe('identity.link.one_customer', () => {
  it('links an unlinked identity, and is idempotent for the same customer', () => {
    expect(assertLinkable({ id: 'IDN-1', customerId: null }, 'CUST-1')).toBe('link');
    expect(assertLinkable({ id: 'IDN-1', customerId: 'CUST-1' }, 'CUST-1')).toBe('already_linked');
  });
  it('refuses a different customer', () => expect(rule(() => assertLinkable({ id: 'IDN-1', customerId: 'CUST-1' }, 'CUST-2'))).toBe('identity.link.one_customer'));
});

describe('email_change.start.*', () => {
  const ok: EmailChangeFacts = { identityId: 'IDN-1', customerId: 'CUST-1', currentEmail: 'a@x.io', newEmail: 'b@x.io', holderCustomerId: null, heldByOtherIdentity: false };
  it('allows a fresh address for a linked customer', () => expect(rule(() => assertEmailChangeAllowed(ok))).toBe('allowed'));
  it('email_in_use (a customer or another identity holds it)', () => {
    expect(rule(() => assertEmailChangeAllowed({ ...ok, holderCustomerId: 'CUST-9' }))).toBe('email_change.start.email_in_use');
    expect(rule(() => assertEmailChangeAllowed({ ...ok, heldByOtherIdentity: true }))).toBe('email_change.start.email_in_use');
  });
  it('differs_from_current', () => expect(rule(() => assertEmailChangeAllowed({ ...ok, newEmail: 'a@x.io' }))).toBe('email_change.start.differs_from_current'));
  it('requires_linked_customer', () => expect(rule(() => assertEmailChangeAllowed({ ...ok, customerId: null }))).toBe('email_change.start.requires_linked_customer'));
});
