import { autonomyFromEnv } from './autonomy';

describe('BSS_AGENT_AUTONOMY', () => {
  it('is trimmed and lower-cased', () => {
    expect(autonomyFromEnv({ BSS_AGENT_AUTONOMY: ' Batched ' })).toBe('batched');
    expect(autonomyFromEnv({ BSS_AGENT_AUTONOMY: 'GRANULAR' })).toBe('granular');
  });

  it("falls back to the surface's default when unset (granular for the cockpit)", () => {
    expect(autonomyFromEnv({})).toBe('granular');
    expect(autonomyFromEnv({ BSS_AGENT_AUTONOMY: '  ' }, 'batched')).toBe('batched');
  });

  it('refuses to start on anything else', () => {
    expect(() => autonomyFromEnv({ BSS_AGENT_AUTONOMY: 'batchd' })).toThrow(/BSS_AGENT_AUTONOMY must be granular or batched, got "batchd"/);
  });
});
