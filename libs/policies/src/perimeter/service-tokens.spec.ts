import { ConfigInvalid } from '@bss/platform';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateDevTokens, ServiceTokens } from './service-tokens';

const strong = (c: string) => c.repeat(40);

describe('ServiceTokens', () => {
  it('maps each named token to its service identity', () => {
    const tokens = ServiceTokens.fromEnv({
      BSS_API_TOKEN: strong('a'),
      BSS_PORTAL_SELF_SERVE_API_TOKEN: strong('b'),
      BSS_OPERATOR_COCKPIT_API_TOKEN: strong('c'),
      BSS_PARTNER_ACME_API_TOKEN: strong('d'),
    });
    expect(tokens.identify(strong('a'))).toBe('default');
    expect(tokens.identify(strong('b'))).toBe('portal_self_serve');
    expect(tokens.identify(strong('c'))).toBe('operator_cockpit');
    expect(tokens.identify(strong('d'))).toBe('partner_acme');
    expect(tokens.identify(strong('e'))).toBeUndefined();
    expect(tokens.identify(undefined)).toBeUndefined();
  });

  it('refuses to boot with changeme, and says how to generate a token', () => {
    expect(() => ServiceTokens.fromEnv({ BSS_API_TOKEN: 'changeme' })).toThrow(/changeme.*openssl rand -hex 32/);
  });

  it('refuses a token under 32 characters', () => {
    expect(() => ServiceTokens.fromEnv({ BSS_API_TOKEN: 'short-token' })).toThrow(ConfigInvalid);
  });

  it('refuses a missing default token and reused tokens', () => {
    expect(() => ServiceTokens.fromEnv({})).toThrow(/BSS_API_TOKEN is not set/);
    expect(() => ServiceTokens.fromEnv({ BSS_API_TOKEN: strong('a'), BSS_OPERATOR_COCKPIT_API_TOKEN: strong('a') })).toThrow(/reuses/);
  });

  it('dev tokens: a partner token is generated too, and appended to a file made before it existed', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bss-tokens-')), 'tokens.env');
    writeFileSync(file, `# old\nBSS_API_TOKEN=${strong('a')}\n`);
    const saved = process.env.BSS_PARTNER_DEV_API_TOKEN;
    delete process.env.BSS_PARTNER_DEV_API_TOKEN;
    try {
      loadOrCreateDevTokens(file);
      const text = readFileSync(file, 'utf8');
      expect(text).toContain(`BSS_API_TOKEN=${strong('a')}\n`);
      expect(text).toMatch(/^BSS_PARTNER_DEV_API_TOKEN=[0-9a-f]{64}$/m);
      expect(process.env.BSS_PARTNER_DEV_API_TOKEN).toMatch(/^[0-9a-f]{64}$/);
      loadOrCreateDevTokens(file);
      expect(readFileSync(file, 'utf8')).toBe(text);
    } finally {
      if (saved === undefined) delete process.env.BSS_PARTNER_DEV_API_TOKEN;
      else process.env.BSS_PARTNER_DEV_API_TOKEN = saved;
    }
  });
});
