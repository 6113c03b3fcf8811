import { ScenarioReferenceError, failedCheck, interpolate, select } from './assertions';

const LINE = {
  id: 'SUB-0001',
  state: 'blocked',
  priceAmount: '19.00',
  balances: [
    { allowanceType: 'data', remaining: 0, total: 5120 },
    { allowanceType: 'data_roaming', remaining: 500, total: 500 },
  ],
};

describe('assertions', () => {
  it('selects one value for one match and the list for several', () => {
    expect(select(LINE, '$.state')).toEqual({ found: true, value: 'blocked' });
    expect(select(LINE, '$.balances[*].total')).toEqual({ found: true, value: [5120, 500] });
    expect(select(LINE, '$.nope')).toEqual({ found: false, value: undefined });
  });

  it.each([
    [{ path: '$.state', eq: 'blocked' }],
    [{ path: "$.balances[?(@.allowanceType=='data')].remaining", eq: 0 }],
    [{ path: '$.priceAmount', eq: 19 }],
    [{ path: '$.state', ne: 'active' }],
    [{ path: '$.balances[*].allowanceType', contains: 'data_roaming' }],
    [{ path: '$.balances', contains: { allowanceType: 'data', total: 5120 } }],
    [{ path: '$.balances[*].allowanceType', not_contains: 'voice' }],
    [{ path: '$.balances[1].total', gte: 500 }],
    [{ path: '$.balances', length: 2 }],
    [{ path: '$.id', matches: '^SUB-\\d{4}$' }],
    [{ path: '$.pending', exists: false }],
  ])('holds: %j', (check) => {
    expect(failedCheck(LINE, check)).toBeUndefined();
  });

  it.each([
    [{ path: '$.state', eq: 'active' }, '$.state = "blocked"; expected = "active"'],
    [{ path: '$.balances', length: 3 }, 'expected length 3 (got 2)'],
    [{ path: '$.missing', eq: 1 }, '$.missing = (nothing)'],
    [{ path: '$.balances[0].remaining', gt: 0 }, 'expected gt 0'],
  ])('fails with the value it saw: %j', (check, message) => {
    expect(failedCheck(LINE, check)).toContain(message);
  });

  it('interpolates ${name.path} from saved results, keeping the type of a whole placeholder', () => {
    const saved = new Map<string, unknown>([['line', LINE]]);
    expect(interpolate({ subscriptionId: '${line.id}', total: '${line.balances[0].total}', text: 'is ${line.state} now' }, saved)).toEqual({
      subscriptionId: 'SUB-0001',
      total: 5120,
      text: 'is blocked now',
    });
    expect(() => interpolate('${order.id}', saved)).toThrow(ScenarioReferenceError);
    expect(() => interpolate('${line.nope}', saved)).toThrow('has nothing at $.nope');
  });
});
