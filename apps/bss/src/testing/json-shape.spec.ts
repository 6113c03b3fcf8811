import { jsonShape } from './json-shape';

describe('jsonShape', () => {
  it('keeps keys and value types, drops the values', () => {
    expect(jsonShape({ id: 'CUST-1', n: 2, ok: true, at: null, tags: ['a', 'b'], nested: { z: 1, a: 'x' } })).toEqual({
      at: 'null',
      id: 'string',
      n: 'number',
      nested: { a: 'string', z: 'number' },
      ok: 'boolean',
      tags: ['string'],
    });
  });

  it('lists the distinct shapes of array elements once, in a stable order', () => {
    expect(jsonShape([{ id: 'a' }, { id: 'b' }, { id: 'c', extra: 1 }])).toEqual([{ extra: 'number', id: 'string' }, { id: 'string' }]);
    expect(jsonShape([])).toEqual([]);
  });

  it('changes when a field is renamed or dropped', () => {
    expect(jsonShape({ customerId: 'x' })).not.toEqual(jsonShape({ customer: 'x' }));
    expect(jsonShape({ id: 'x', name: 'y' })).not.toEqual(jsonShape({ id: 'x' }));
  });
});
