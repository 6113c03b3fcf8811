import { describeResult, explainError } from './reply-composer';

describe('reply composer', () => {
  it('reads a subscription view: balances with GB and unlimited, monthly charge, pending change', () => {
    const text = describeResult('subscription.show', {
      id: 'SUB-0001',
      msisdn: '81234567',
      offeringId: 'PLAN_M',
      state: 'active',
      currency: 'SGD',
      effectiveAmount: '25.00',
      pendingOfferingId: 'PLAN_L',
      balances: [
        { allowanceType: 'data', total: 30720, consumed: 1024, remaining: 29696, unit: 'mb' },
        { allowanceType: 'voice', total: -1, consumed: 12, remaining: -1, unit: 'minutes' },
      ],
    });
    expect(text).toContain('SUB-0001');
    expect(text).toContain('data: 29 GB left of 30 GB (1 GB used)');
    expect(text).toContain('voice: unlimited');
    expect(text).toContain('Scheduled plan change to PLAN_L');
    expect(text).not.toMatch(/[{}]/);
  });

  it('lists catalog offerings with their active price and VAS with their allowance', () => {
    expect(describeResult('catalog.list_active_offerings', [{ id: 'PLAN_S', name: 'Lite', prices: [{ amount: '10.00', currency: 'SGD' }] }])).toContain('PLAN_S — Lite — SGD 10.00');
    expect(describeResult('catalog.list_vas', [{ id: 'VAS_DATA_1GB', name: 'Data Top-Up 1GB', priceAmount: '3.00', currency: 'SGD', allowanceQuantity: 1024, allowanceUnit: 'mb' }])).toContain('1 GB');
  });

  it('explains each error observation in plain words', () => {
    expect(explainError('case.close', { error: 'POLICY_VIOLATION', rule: 'case.close.requires_all_tickets_resolved', message: 'Resolve the open tickets first' })).toBe(
      "I couldn't do that: Resolve the open tickets first (rule case.close.requires_all_tickets_resolved).",
    );
    expect(explainError('case.show', { error: 'NOT_FOUND', message: 'case CASE-00000000 not found' })).toContain('case CASE-00000000 not found');
    expect(explainError('case.open', { error: 'INVALID_INPUT', fields: [{ field: 'customerId' }] })).toContain('customerId');
    expect(explainError('subscription.terminate', { error: 'DESTRUCTIVE_OPERATION_BLOCKED', tool: 'subscription.terminate', message: 'needs /confirm' })).toContain('needs confirmation');
  });
});
