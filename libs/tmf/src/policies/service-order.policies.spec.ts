import { expectRule } from '@bss/testing';
import { assertServiceOrderPatchChangesNothing, refuseServiceOrderCreate } from './service-order.policies';

describe('service order policies (TMF641 writes)', () => {
  it('service_order.create.created_by_som', () => {
    expectRule(() => refuseServiceOrderCreate(), 'service_order.create.created_by_som');
  });

  it('service_order.patch.managed_by_som', () => {
    const current = { externalId: 'ORD-0001', state: 'completed', relatedParty: [{ id: 'CUST-00000001', role: 'customer' }] };
    expect(() => assertServiceOrderPatchChangesNothing('SO-0001', current, { externalId: 'ORD-0001', relatedParty: [{ id: 'CUST-00000001', role: 'customer' }] })).not.toThrow();
    expect(() => assertServiceOrderPatchChangesNothing('SO-0001', current, {})).not.toThrow();
    const refused = expectRule(() => assertServiceOrderPatchChangesNothing('SO-0001', current, { externalId: 'ORD-0001', priority: '1' }), 'service_order.patch.managed_by_som');
    expect(refused.context).toMatchObject({ changed: ['priority'] });
  });
});
