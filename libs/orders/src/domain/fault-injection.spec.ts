import { decideAttempt, type ActiveFault } from './fault-injection';
import { allFaultRuleSeeds, retryBackoffSeconds, SEEDED_FAULT_RULES, TASK_TYPES, FAULT_TYPES } from './provisioning.types';

const always = () => 0;
const never = () => 0.999;

describe('decideAttempt', () => {
  it('succeeds at normal speed with no faults enabled', () => {
    expect(decideAttempt({ attempt: 1, fresh: true, faults: [], random: always })).toEqual({ kind: 'succeed', slowFactor: 1 });
  });

  it('sticks a fresh attempt when stuck fires, but never a resumed one', () => {
    const faults: ActiveFault[] = [{ faultType: 'stuck', probability: 1 }];
    expect(decideAttempt({ attempt: 1, fresh: true, faults, random: always })).toEqual({ kind: 'stuck' });
    expect(decideAttempt({ attempt: 1, fresh: false, faults, random: always }).kind).toBe('succeed');
  });

  it('fails only the first attempt under fail_first_attempt', () => {
    const faults: ActiveFault[] = [{ faultType: 'fail_first_attempt', probability: 1 }];
    expect(decideAttempt({ attempt: 1, fresh: true, faults, random: always })).toMatchObject({ kind: 'fail', fault: 'fail_first_attempt' });
    expect(decideAttempt({ attempt: 2, fresh: true, faults, random: always }).kind).toBe('succeed');
  });

  it('fails every attempt under fail_always', () => {
    const faults: ActiveFault[] = [{ faultType: 'fail_always', probability: 1 }];
    for (const attempt of [1, 2, 3]) expect(decideAttempt({ attempt, fresh: true, faults, random: always }).kind).toBe('fail');
  });

  it('fires by probability: random() < p', () => {
    const faults: ActiveFault[] = [{ faultType: 'fail_always', probability: 0.3 }];
    expect(decideAttempt({ attempt: 1, fresh: true, faults, random: () => 0.29 }).kind).toBe('fail');
    expect(decideAttempt({ attempt: 1, fresh: true, faults, random: () => 0.3 }).kind).toBe('succeed');
    expect(decideAttempt({ attempt: 1, fresh: true, faults, random: never }).kind).toBe('succeed');
  });

  it('stretches a slow attempt by a factor in [2, 5)', () => {
    const faults: ActiveFault[] = [{ faultType: 'slow', probability: 1 }];
    expect(decideAttempt({ attempt: 1, fresh: true, faults, random: always })).toEqual({ kind: 'succeed', slowFactor: 2 });
    const draws = [0, 0.5];
    const out = decideAttempt({ attempt: 1, fresh: true, faults, random: () => draws.shift() ?? 0 });
    expect(out).toEqual({ kind: 'succeed', slowFactor: 3.5 });
  });
});

describe('fault rule seeds and backoff', () => {
  it('keeps the §9 rules and covers every task/fault pair exactly once', () => {
    const seeds = allFaultRuleSeeds();
    expect(seeds.slice(0, SEEDED_FAULT_RULES.length)).toEqual(SEEDED_FAULT_RULES);
    expect(seeds).toHaveLength(TASK_TYPES.length * FAULT_TYPES.length);
    expect(new Set(seeds.map((s) => `${s.taskType}/${s.faultType}`)).size).toBe(seeds.length);
    expect(seeds.find((s) => s.taskType === 'HLR_PROVISION' && s.faultType === 'fail_always')?.id).toBe('FI_HLR_PROVISION_FAIL_ALWAYS');
  });

  it('doubles the retry backoff per failed attempt', () => {
    expect([1, 2, 3].map(retryBackoffSeconds)).toEqual([1, 2, 4]);
  });
});
