import { settleConcurrently } from './concurrently';

describe('settleConcurrently', () => {
  it('answers in input order, never runs more than the limit at once, and isolates failures', async () => {
    let running = 0;
    let peak = 0;
    const results = await settleConcurrently([5, 1, 4, 2, 3], 2, async (n) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      if (n === 4) throw new Error('four is refused');
      return n * 10;
    });
    expect(peak).toBe(2);
    expect(results).toEqual([
      { status: 'fulfilled', value: 50 },
      { status: 'fulfilled', value: 10 },
      { status: 'rejected', reason: new Error('four is refused') },
      { status: 'fulfilled', value: 20 },
      { status: 'fulfilled', value: 30 },
    ]);
  });

  it('an empty list is an empty answer', async () => {
    expect(await settleConcurrently([], 4, async () => 1)).toEqual([]);
  });
});
