import { OPERATOR_SYSTEM_PROMPT } from '@bss/agent';
import type { SessionView } from '#conversation/domain/session.views';
import { cockpitPrompt } from './session-turn.service';

const session: SessionView = {
  id: 'SES-20261205-0a1b2c3d',
  actor: 'ops-ada',
  label: null,
  customerFocus: null,
  subscriptionFocus: null,
  allowDestructive: false,
  state: 'active',
  startedAt: '2026-12-05T10:00:00.000Z',
  lastActiveAt: '2026-12-05T10:00:00.000Z',
  closedAt: null,
};

describe('cockpitPrompt (behaviour 25, adapted)', () => {
  it('is the operator prompt, the cockpit invariants, then the context; no focus block when nothing is pinned', () => {
    const prompt = cockpitPrompt(session);
    expect(prompt.startsWith(OPERATOR_SYSTEM_PROMPT)).toBe(true);
    expect(prompt).not.toContain('## Customer focus');
    expect(prompt.indexOf('/confirm')).toBeLessThan(prompt.indexOf('## Context'));
    expect(prompt.endsWith('## Context\n- session_id: SES-20261205-0a1b2c3d')).toBe(true);
  });

  it('puts the focus block between the invariants and the context when a customer is pinned', () => {
    const prompt = cockpitPrompt({ ...session, customerFocus: 'CUST-3f9a0c12' });
    expect(prompt.indexOf('knowledge.search')).toBeLessThan(prompt.indexOf('## Customer focus'));
    expect(prompt.indexOf('## Customer focus')).toBeLessThan(prompt.indexOf('## Context'));
    expect(prompt).toContain('The operator pinned CUST-3f9a0c12');
  });
});
