import { activationIdempotencyKey, periodEndFrom, renewalIdempotencyKey } from './period.calc';

describe('period calc', () => {
  it('runs 30-day periods', () => {
    expect(periodEndFrom(new Date('2026-01-31T10:00:00Z')).toISOString()).toBe('2026-03-02T10:00:00.000Z');
  });

  it('keys activation charges by order and renewal charges by boundary and decline count', () => {
    expect(activationIdempotencyKey('ORD-0001')).toBe('ACT-ORD-0001');
    const at = new Date('2026-02-01T00:00:00Z');
    expect(renewalIdempotencyKey('SUB-0001', at, 0)).toBe('REN-SUB-0001-1769904000');
    expect(renewalIdempotencyKey('SUB-0001', at, 2)).toBe('REN-SUB-0001-1769904000-r2');
  });
});
