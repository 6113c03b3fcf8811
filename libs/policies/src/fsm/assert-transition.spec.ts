import { PolicyViolation } from '@bss/platform';
import { assertTransition, availableTriggers, type TransitionTable } from './assert-transition';

type S = 'open' | 'done';
type T = 'finish' | 'reopen';
const table: TransitionTable<S, T> = { finish: { from: ['open'], to: 'done' }, reopen: { from: ['done'], to: 'open' } };

describe('assertTransition', () => {
  it('returns the target state of a legal trigger', () => {
    expect(assertTransition(table, 'open', 'finish', 'x.transition.valid', { type: 'x', id: 'X-1' })).toBe('done');
  });

  it('throws the named rule with the allowed states on an illegal trigger', () => {
    try {
      assertTransition(table, 'open', 'reopen', 'x.transition.valid', { type: 'x', id: 'X-1' });
      fail('expected a PolicyViolation');
    } catch (error) {
      expect(error).toBeInstanceOf(PolicyViolation);
      expect((error as PolicyViolation).rule).toBe('x.transition.valid');
      expect((error as PolicyViolation).context).toMatchObject({ from: 'open', trigger: 'reopen', allowedFrom: ['done'] });
    }
  });

  it('refuses an unknown trigger', () => {
    expect(() => assertTransition(table, 'open', 'explode' as T, 'x.transition.valid', { type: 'x', id: 'X-1' })).toThrow(PolicyViolation);
  });

  it('lists the triggers available from a state', () => {
    expect(availableTriggers(table, 'done')).toEqual(['reopen']);
  });
});
