import { findForeignOwner } from './ownership-trip-wire';

const ME = 'CUST-aaaaaaaa';
const THEM = 'CUST-bbbbbbbb';

describe('findForeignOwner (layer 3 paths)', () => {
  it('[*].customerId: every item must be mine', () => {
    expect(findForeignOwner('subscription.list_mine', [{ customerId: ME }, { customerId: ME }], ME)).toBeNull();
    expect(findForeignOwner('subscription.list_mine', [{ customerId: ME }, { customerId: THEM }], ME)).toEqual({ path: '[1].customerId', found: THEM });
  });

  it('nested paths (a.b) and top-level keys', () => {
    expect(findForeignOwner('vas.purchase_for_me', { subscription: { customerId: ME }, paymentAttempt: { customerId: ME } }, ME)).toBeNull();
    expect(findForeignOwner('vas.purchase_for_me', { subscription: { customerId: ME }, paymentAttempt: { customerId: THEM } }, ME)).toEqual({ path: 'paymentAttempt.customerId', found: THEM });
    expect(findForeignOwner('customer.get_mine', { id: THEM }, ME)).toEqual({ path: 'id', found: THEM });
  });

  it('absent paths and tools listed with no paths never trip', () => {
    expect(findForeignOwner('subscription.get_mine', { state: 'active' }, ME)).toBeNull();
    expect(findForeignOwner('catalog.list_active_offerings', [{ customerId: THEM }], ME)).toBeNull();
  });

  it('an unlisted tool is walked for any foreign customerId, however deep', () => {
    expect(findForeignOwner('some.new_tool', { a: [{ b: { customerId: ME } }] }, ME)).toBeNull();
    expect(findForeignOwner('some.new_tool', { a: [{ b: { customerId: THEM } }] }, ME)).toEqual({ path: 'a[0].b.customerId', found: THEM });
  });
});
