import { balanceId, consumedAfter, isDataExhausted, remainingOf, totalAfterTopUp } from './balance.calc';

describe('balance calc', () => {
  it('reports remaining, −1 for unlimited', () => {
    expect(remainingOf({ total: 5120, consumed: 120 })).toBe(5000);
    expect(remainingOf({ total: -1, consumed: 42 })).toBe(-1);
    expect(remainingOf({ total: 0, consumed: 0 })).toBe(0);
  });

  it('consumes and absorbs overage at total', () => {
    expect(consumedAfter({ total: 100, consumed: 10 }, 20)).toBe(30);
    expect(consumedAfter({ total: 100, consumed: 90 }, 500)).toBe(100);
  });

  it('treats 0 and unlimited buckets as no-ops and refuses negative or fractional quantities', () => {
    expect(consumedAfter({ total: 100, consumed: 10 }, 0)).toBe(10);
    expect(consumedAfter({ total: -1, consumed: 0 }, 999)).toBe(0);
    expect(() => consumedAfter({ total: 100, consumed: 0 }, -1)).toThrow(RangeError);
    expect(() => consumedAfter({ total: 100, consumed: 0 }, 1.5)).toThrow(RangeError);
  });

  it('calls data exhausted at 0 remaining or with no data bucket', () => {
    expect(isDataExhausted({ total: 100, consumed: 100 }, false)).toBe(true);
    expect(isDataExhausted(undefined, false)).toBe(true);
    expect(isDataExhausted({ total: 100, consumed: 99 }, false)).toBe(false);
  });

  it('never calls unlimited data or an active day pass exhausted', () => {
    expect(isDataExhausted({ total: -1, consumed: 1e6 }, false)).toBe(false);
    expect(isDataExhausted({ total: 100, consumed: 100 }, true)).toBe(false);
    expect(isDataExhausted(undefined, true)).toBe(false);
  });

  it('adds a top-up to limited buckets only', () => {
    expect(totalAfterTopUp({ total: 5120, consumed: 5120 }, 1024)).toBe(6144);
    expect(totalAfterTopUp({ total: -1, consumed: 0 }, 1024)).toBe(-1);
    expect(totalAfterTopUp({ total: 100, consumed: 0 }, -1)).toBe(100);
  });

  it('names balances {subId}-{TYPE}', () => {
    expect(balanceId('SUB-0007', 'data_roaming')).toBe('SUB-0007-DATA_ROAMING');
  });
});
