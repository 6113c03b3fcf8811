import type { FastifyRequest } from 'fastify';
import { presentedCsrfToken, returnPathFor } from './gate';

const safe = (raw: unknown) => (typeof raw === 'string' && raw.startsWith('/') && !raw.startsWith('//') ? raw : '/');
const req = (method: string, url: string, headers: Record<string, string> = {}, body?: unknown) =>
  ({ method, url, headers: { host: 'app.test', ...headers }, body }) as unknown as FastifyRequest & { body?: unknown };

describe('returnPathFor (where sign-in sends a visitor back to)', () => {
  it('a read comes back to itself', () => {
    expect(returnPathFor(req('GET', '/customers/CUST-1?tab=cases'), safe, '/')).toBe('/customers/CUST-1?tab=cases');
  });

  it('a write comes back to the same-origin page it was sent from', () => {
    expect(returnPathFor(req('POST', '/customers/CUST-1/close', { referer: 'http://app.test/customers/CUST-1' }), safe, '/')).toBe('/customers/CUST-1');
  });

  it('a write from another origin, or without a Referer, falls back as the app says', () => {
    const foreign = req('POST', '/profile/name', { referer: 'https://evil.example/x' });
    expect(returnPathFor(foreign, safe, '/')).toBe('/');
    expect(returnPathFor(foreign, safe, 'self')).toBe('/profile/name');
    expect(returnPathFor(req('POST', '/profile/name', { referer: 'not a url' }), safe, 'self')).toBe('/profile/name');
  });
});

describe('presentedCsrfToken', () => {
  it('takes the HTMX header first, else the form field', () => {
    expect(presentedCsrfToken(req('POST', '/x', { 'x-csrf-token': 'from-header' }, { _csrf: 'from-form' }))).toBe('from-header');
    expect(presentedCsrfToken(req('POST', '/x', {}, { _csrf: 'from-form' }))).toBe('from-form');
    expect(presentedCsrfToken(req('POST', '/x'))).toBeUndefined();
  });
});
