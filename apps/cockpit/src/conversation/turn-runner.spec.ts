import type { SessionTurnEvent } from '@bss/conversation';
import type { Logger } from '@bss/platform';
import { TurnRunner, type TurnFrame } from './turn-runner';

/** A turn whose events the test releases one by one, like a model answering slowly. */
function gatedTurn(): { events: () => AsyncIterable<SessionTurnEvent>; release: () => void; consumed: SessionTurnEvent[] } {
  const script: SessionTurnEvent[] = [
    { type: 'user_recorded', messageId: 1, text: 'hello' },
    { type: 'assistant', messageId: 2, text: 'Hello, operator.', kind: 'reply', toolCalls: [] },
  ];
  const consumed: SessionTurnEvent[] = [];
  let open: () => void = () => undefined;
  let gate = new Promise<void>((resolve) => (open = resolve));
  return {
    consumed,
    release: () => {
      const current = open;
      gate = new Promise<void>((resolve) => (open = resolve));
      current();
    },
    events: async function* () {
      for (const event of script) {
        await gate;
        consumed.push(event);
        yield event;
      }
    },
  };
}

const silent = { error: () => undefined } as unknown as Logger;
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('TurnRunner: turns run detached from the request that watches them', () => {
  it('a watcher that drops off mid-turn stops nothing: the turn runs to the end (behaviour 36)', async () => {
    const runner = new TurnRunner(silent);
    const turn = gatedTurn();
    expect(runner.start('SES-20261205-00000001', turn.events)).toBe(true);
    const seen: TurnFrame[] = [];
    const detach = runner.attach('SES-20261205-00000001', (frame) => seen.push(frame))!;
    turn.release();
    await tick();
    detach(); // the browser's connection drops
    turn.release();
    await runner.settled();
    expect(turn.consumed.map((e) => e.type)).toEqual(['user_recorded', 'assistant']);
    expect(seen.map((f) => f.event)).toEqual(['frame']);
    expect(runner.isRunning('SES-20261205-00000001')).toBe(false);
  });

  it('a second start while one runs is refused (no second model run); a late watcher gets the frames so far, then the rest', async () => {
    const runner = new TurnRunner(silent);
    const turn = gatedTurn();
    runner.start('SES-20261205-00000002', turn.events);
    expect(runner.start('SES-20261205-00000002', turn.events)).toBe(false);
    turn.release();
    await tick();
    const seen: TurnFrame[] = [];
    runner.attach('SES-20261205-00000002', (frame) => seen.push(frame));
    expect(seen).toHaveLength(1);
    turn.release();
    await runner.settled();
    expect(seen.map((f) => f.event)).toEqual(['frame', 'frame', 'done']);
    expect(seen[1].html).toContain('Hello, operator.');
    expect(runner.attach('SES-20261205-00000002', () => undefined)).toBeUndefined();
  });
});
