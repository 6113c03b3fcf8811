import type { OfferingView } from '@bss/catalog';
import { toAddOfferingInput, toSetPriceInput, toWindowOfferingInput, upperSnake } from './product-offering.mapper';

const PLAN = { id: 'PLAN_XL', validFrom: new Date('2026-01-01T00:00:00Z'), validTo: null } as unknown as OfferingView;

describe('TMF620 write bodies → catalog admin command inputs', () => {
  it('names a new offering after its name unless an id is given, and carries price, window and allowances', () => {
    expect(upperSnake(' Plan XL+ 5G ')).toBe('PLAN_XL_5G');
    expect(
      toAddOfferingInput({
        name: 'Plan XL',
        validFor: { startDateTime: '2026-02-01T00:00:00Z' },
        productOfferingPrice: [{ id: 'PRICE_XL', price: { value: 45, unit: 'SGD' } }],
        bundleAllowance: [
          { allowanceType: 'data', quantity: 51200 },
          { allowanceType: 'sms', quantity: -1 },
        ],
      }),
    ).toEqual({ offeringId: 'PLAN_XL', name: 'Plan XL', amount: '45.00', currency: 'SGD', priceId: 'PRICE_XL', validFrom: '2026-02-01T00:00:00Z', dataMb: 51200, smsCount: -1 });
    expect(toAddOfferingInput({ id: 'PLAN_Z', name: 'Anything' })).toEqual({ offeringId: 'PLAN_Z', name: 'Anything' });
    expect(() => toAddOfferingInput({ name: 'X', bundleAllowance: [{ allowanceType: 'fax', quantity: 1 }] })).toThrow(/allowanceType/);
  });

  it('merge-patches the sales window: a missing end keeps its value, null opens it, anything but validFor is refused', () => {
    expect(toWindowOfferingInput(PLAN, { validFor: { endDateTime: '2026-12-31T00:00:00Z' } })).toEqual({ offeringId: 'PLAN_XL', validFrom: '2026-01-01T00:00:00.000Z', validTo: '2026-12-31T00:00:00Z' });
    expect(toWindowOfferingInput(PLAN, { validFor: { startDateTime: null } })).toEqual({ offeringId: 'PLAN_XL', validFrom: null, validTo: null });
    expect(toWindowOfferingInput(PLAN, { validFor: null })).toEqual({ offeringId: 'PLAN_XL', validFrom: null, validTo: null });
    expect(() => toWindowOfferingInput(PLAN, { name: 'Renamed' })).toThrow(/cannot be patched/);
  });

  it('adds a monthly price to the offering named in productOffering.id; other price types are refused', () => {
    expect(toSetPriceInput({ name: 'Launch promo', productOffering: { id: 'PLAN_M' }, price: { value: 9.5, unit: 'SGD' }, retireCurrent: true })).toEqual({
      offeringId: 'PLAN_M',
      priceId: 'PRICE_LAUNCH_PROMO',
      amount: '9.50',
      currency: 'SGD',
      retireCurrent: true,
    });
    expect(() => toSetPriceInput({ name: 'x', priceType: 'oneTime' })).toThrow(/recurring/);
    expect(() => toSetPriceInput({ name: 'x', recurringChargePeriodType: 'year' })).toThrow(/monthly/);
  });
});
