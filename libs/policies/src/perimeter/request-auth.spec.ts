import { authFromHeaders } from './request-auth';

const withRequestId = (value: string | string[]) => authFromHeaders({ headers: { 'x-request-id': value } }, 'system');

describe('authFromHeaders: a caller’s X-Request-Id is a correlation id, never the request id', () => {
  it('keeps a well-formed X-Request-Id as the correlation id beside a server-generated request id', () => {
    const auth = withRequestId('client-req.42:a_b');
    expect(auth.correlationId).toBe('client-req.42:a_b');
    expect(auth.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(auth.requestId).not.toBe('client-req.42:a_b');
  });

  it('two requests quoting the same id still get two request ids (no merged trace)', () => {
    const first = withRequestId('dup-1');
    const second = withRequestId('dup-1');
    expect(first.correlationId).toBe(second.correlationId);
    expect(first.requestId).not.toBe(second.requestId);
  });

  it("quoting another request's server id does not join that request's trace", () => {
    const victim = authFromHeaders({ headers: {} }, 'system');
    const intruder = withRequestId(victim.requestId!);
    expect(intruder.requestId).not.toBe(victim.requestId);
    expect(intruder.correlationId).toBe(victim.requestId);
  });

  it.each([
    ['CRLF (header / log-line splitting)', 'abc\r\nX-Injected: 1'],
    ['10 kB', 'a'.repeat(10_240)],
    ['129 characters', 'a'.repeat(129)],
    ['spaces', 'a b'],
    ['a slash (a path, not an id)', '../etc'],
    ['non-ASCII', 'réq'],
    ['empty', ''],
  ])('drops a malformed X-Request-Id (%s): no correlation id, a server request id', (_what, value) => {
    const auth = withRequestId(value);
    expect(auth.correlationId).toBeUndefined();
    expect(auth.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps the 128-character maximum', () => {
    expect(withRequestId('a'.repeat(128)).correlationId).toHaveLength(128);
  });

  it('reads the first of repeated headers', () => {
    expect(withRequestId(['first', 'second']).correlationId).toBe('first');
  });
});
