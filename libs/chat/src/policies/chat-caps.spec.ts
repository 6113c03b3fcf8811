import { capVerdict, periodOf, turnCostCents } from './chat-caps';

const limits = { perOwnerPerHour: 20, perIpPerHour: 60, monthlyCostCents: 200 };
const now = new Date('2026-03-15T10:00:00Z');
const counts = { ownerLastHour: 0, ownerOldest: null, ipLastHour: 0, ipOldest: null, monthCostCents: 0 };

describe('capVerdict', () => {
  it('allows under every cap', () => expect(capVerdict({ ...counts, ownerLastHour: 19, monthCostCents: 199 }, limits, now, false)).toEqual({ ok: true }));

  it('hourly: the 21st request waits until the oldest of the hour is an hour old', () => {
    const oldest = new Date('2026-03-15T09:20:00Z');
    expect(capVerdict({ ...counts, ownerLastHour: 20, ownerOldest: oldest }, limits, now, false)).toEqual({ ok: false, rule: 'chat.cap.hourly_rate', retryAt: new Date('2026-03-15T10:20:00Z') });
  });

  it('per IP only for visitors', () => {
    const busy = { ...counts, ipLastHour: 60, ipOldest: now };
    expect(capVerdict(busy, limits, now, false)).toEqual({ ok: true });
    expect(capVerdict(busy, limits, now, true)).toMatchObject({ ok: false, rule: 'chat.cap.ip_rate' });
  });

  it('monthly cost: refused from the cap on, until the first of next month', () => {
    expect(capVerdict({ ...counts, monthCostCents: 200 }, limits, now, false)).toEqual({ ok: false, rule: 'chat.cap.monthly_cost', retryAt: new Date('2026-04-01T00:00:00Z') });
  });
});

describe('turn cost', () => {
  it('offline and fixture cost nothing; known models at their rates, rounded up; unknown at the fallback', () => {
    expect(turnCostCents('offline', 'offline', 1e6, 1e6)).toBe(0);
    expect(turnCostCents('openai', 'deepseek/deepseek-v4-pro', 1e6, 0)).toBe(100);
    expect(turnCostCents('openai', 'google/gemma-4-26b-a4b-it', 1000, 1000)).toBe(1);
    expect(turnCostCents('openai', 'mystery', 1e6, 1e6)).toBe(1000);
  });
  it('period is YYYYMM in UTC', () => expect(periodOf(new Date('2026-12-31T23:59:59Z'))).toBe(202612));
});
