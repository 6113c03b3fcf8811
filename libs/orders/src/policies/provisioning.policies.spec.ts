import { assertAttemptBudget, assertCanManageFaults, assertFaultRuleFound, assertResolveNote } from './provisioning.policies';
import { ruleOf } from '@bss/testing';

describe('prov.resolve.requires_note', () => {
  it('allows a note with text', () => expect(ruleOf(() => assertResolveNote('HLR restarted', 'PTK-0001'))).toBeUndefined());
  it.each(['', '   ', '\n\t'])('refuses the blank note %j', (note) => expect(ruleOf(() => assertResolveNote(note, 'PTK-0001'))).toBe('prov.resolve.requires_note'));
});

describe('prov.retry.max_attempts', () => {
  it('allows an attempt while budget is left', () => expect(ruleOf(() => assertAttemptBudget({ id: 'PTK-1', attempts: 2, maxAttempts: 3 }))).toBeUndefined());
  it('refuses an attempt once the budget is spent', () =>
    expect(ruleOf(() => assertAttemptBudget({ id: 'PTK-1', attempts: 3, maxAttempts: 3 }))).toBe('prov.retry.max_attempts'));
});

describe('prov.fault.not_found', () => {
  it('allows a known rule', () => expect(ruleOf(() => assertFaultRuleFound({ id: 'FI_HLR_PROV_FAIL' }, 'HLR_PROVISION', 'fail_first_attempt'))).toBeUndefined());
  it('refuses an unknown task/fault pair', () => expect(ruleOf(() => assertFaultRuleFound(null, 'NOPE', 'stuck'))).toBe('prov.fault.not_found'));
});

describe('prov.fault.admin_only', () => {
  it('allows an admin', () => expect(ruleOf(() => assertCanManageFaults(['admin'], 'ops'))).toBeUndefined());
  it('refuses anyone else', () => expect(ruleOf(() => assertCanManageFaults(['csr'], 'agent'))).toBe('prov.fault.admin_only'));
});
