import { InvalidInput } from '@bss/platform';
import { parseUsageQuantity } from './usage-quantity.parser';

describe('parseUsageQuantity', () => {
  it('reads suffixed quantities, gb as 1024 mb', () => {
    expect(parseUsageQuantity('500mb', 'data')).toEqual({ quantity: 500, unit: 'mb' });
    expect(parseUsageQuantity('1gb', 'data')).toEqual({ quantity: 1024, unit: 'mb' });
    expect(parseUsageQuantity('1.5GB', 'data')).toEqual({ quantity: 1536, unit: 'mb' });
    expect(parseUsageQuantity('10min', 'voice')).toEqual({ quantity: 10, unit: 'minutes' });
    expect(parseUsageQuantity('3sms', 'sms')).toEqual({ quantity: 3, unit: 'count' });
  });

  it('reads a bare number in the unit of the type', () => {
    expect(parseUsageQuantity('5', 'data')).toEqual({ quantity: 5, unit: 'mb' });
    expect(parseUsageQuantity('5', 'voice')).toEqual({ quantity: 5, unit: 'minutes' });
    expect(parseUsageQuantity('5', 'sms')).toEqual({ quantity: 5, unit: 'count' });
  });

  it('keeps zero and negative values for the positive-quantity rule', () => {
    expect(parseUsageQuantity('0', 'data').quantity).toBe(0);
    expect(parseUsageQuantity('-5', 'sms').quantity).toBe(-5);
  });

  it.each([
    ['lots', 'data'],
    ['5xb', 'data'],
    ['500mb', 'voice'],
    ['10min', 'data'],
    ['1.5', 'sms'],
    ['', 'data'],
  ] as const)('refuses %p for %s as INVALID_INPUT naming quantity', (text, type) => {
    try {
      parseUsageQuantity(text, type);
      throw new Error('expected InvalidInput');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInput);
      expect((error as InvalidInput).fields[0]?.field).toBe('quantity');
    }
  });
});
