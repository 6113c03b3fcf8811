import { compactForModel } from './compact-output';

describe('compactForModel', () => {
  it('drops nulls, empty strings, empty arrays and empty objects at any depth, keeping zeros and false', () => {
    const full = { id: 'SUB-0001', reason: null, note: '', tags: [], extra: {}, balances: [{ type: 'data', used: 0, unlimited: false, meta: { a: null } }], items: [null, 'x'] };
    expect(compactForModel(full)).toEqual({ id: 'SUB-0001', balances: [{ type: 'data', used: 0, unlimited: false }], items: ['x'] });
  });

  it('leaves the full result untouched for the surface', () => {
    const full = { a: null };
    compactForModel(full);
    expect(full).toEqual({ a: null });
  });
});
