import { renderSwimlane, type SwimlaneEvent } from './swimlane.renderer';

const t0 = Date.UTC(2026, 2, 10, 12, 0, 0);
const at = (ms: number): Date => new Date(t0 + ms);

// Deliberately out of time order, with an unknown lane and a failure.
const events: SwimlaneEvent[] = [
  { lane: 'SOM', at: at(120), label: 'som.decompose' },
  { lane: 'COM', at: at(0), label: 'order.submitted' },
  { lane: 'PAY', at: at(45), label: 'payment.charge approved' },
  { lane: 'PROV', at: at(400), label: 'OCS_BALANCE_INIT', error: true },
  { lane: 'AUDIT', at: at(410), label: 'audit.write' },
  { lane: 'PROV', at: at(1300), label: 'OCS_BALANCE_INIT retry' },
  { lane: 'SUB', at: at(1502), label: 'subscription.created' },
  { lane: 'COM', at: at(1510), label: 'order.completed' },
];

describe('renderSwimlane', () => {
  it('orders rows by time with offsets from the first event', () => {
    const lines = renderSwimlane(events).split('\n');
    const body = lines.slice(4);
    expect(body.map((line) => line.trim().split(/\s+/)[0])).toEqual([
      '+0.000s',
      '+0.045s',
      '+0.120s',
      '+0.400s',
      '+0.410s',
      '+1.300s',
      '+1.502s',
      '+1.510s',
    ]);
  });

  it('puts known lanes in flow order, then unknown lanes by first appearance', () => {
    const header = renderSwimlane(events).split('\n')[2] ?? '';
    const order = ['COM', 'SOM', 'PROV', 'SUB', 'PAY', 'AUDIT'].map((lane) => header.indexOf(lane));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(header).not.toContain('JOB');
  });

  it('places each event in its own lane column and marks errors without colour', () => {
    const out = renderSwimlane(events);
    expect(out).not.toContain('\u001b');
    const lines = out.split('\n');
    const header = lines[2] ?? '';
    const failure = lines.find((line) => line.includes('OCS_BALANCE_INIT') && line.includes('✗')) ?? '';
    expect(failure.indexOf('✗')).toBe(header.indexOf('PROV'));
    expect(lines[0]).toBe('Timeline  ·  8 events  ·  1.510s  ·  6 lanes  ·  1 error');
  });

  it('says (no events) when empty', () => {
    expect(renderSwimlane([])).toBe('(no events)');
  });

  it('matches the snapshot', () => {
    expect(renderSwimlane(events)).toMatchSnapshot();
  });
});
