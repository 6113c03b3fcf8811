import { slaPolicySeeds } from './crm.seed-data';
import { slaDueAt } from './sla';

describe('slaDueAt', () => {
  it('is openedAt plus the target minutes', () => {
    expect(slaDueAt(new Date('2026-01-01T00:00:00Z'), 480)?.toISOString()).toBe('2026-01-01T08:00:00.000Z');
  });

  it('is null without a policy', () => {
    expect(slaDueAt(new Date('2026-01-01T00:00:00Z'), null)).toBeNull();
  });
});

describe('slaPolicySeeds', () => {
  it('names every §9 target SLA_<TYPE>_<PRIORITY>', () => {
    const seeds = slaPolicySeeds();
    expect(seeds).toHaveLength(12);
    expect(seeds).toContainEqual({ id: 'SLA_SERVICE_OUTAGE_URGENT', ticketType: 'service_outage', priority: 'urgent', targetMinutes: 30 });
    expect(seeds).toContainEqual({ id: 'SLA_BILLING_DISPUTE_NORMAL', ticketType: 'billing_dispute', priority: 'normal', targetMinutes: 1440 });
  });
});
