import { NO_CITATION_PREFIX, claimsCitation, describeCall, guardCitation, proposalText } from './reply-guards';

describe('citation guard', () => {
  it.each(['Per the handbook, rotate the token first.', 'According to the runbook you restart it.', 'The doctrine says no proration.', 'The docs say so.'])('%s claims a citation', (text) => {
    expect(claimsCitation(text)).toBe(true);
  });

  it('replaces a cited answer when no knowledge tool ran this turn', () => {
    const guarded = guardCitation('Per the handbook, refunds take 3 days.', ['customer.list'], 'refund policy?');
    expect(guarded.startsWith(NO_CITATION_PREFIX)).toBe(true);
    expect(guarded).toContain('bss admin knowledge search "refund policy?"');
  });

  it('keeps it after a knowledge.search', () => {
    const text = 'Per the handbook, rotate with bss admin token rotate.';
    expect(guardCitation(text, ['knowledge.search'], 'q')).toBe(text);
  });

  it('keeps an answer that cites nothing', () => {
    expect(guardCitation('SUB-0001 is active.', [], 'q')).toBe('SUB-0001 is active.');
  });
});

describe('proposal text', () => {
  it('names the tool, ids bare and the other arguments as key=value', () => {
    expect(describeCall('subscription.terminate', { subscriptionId: 'SUB-0007', reason: 'customer_request' })).toBe(
      'subscription.terminate(SUB-0007, reason=customer_request)',
    );
    expect(proposalText('case.close', { caseId: 'CASE-0001' })).toMatch(/^Proposed case\.close\(CASE-0001\) — type \/confirm/);
  });
});
