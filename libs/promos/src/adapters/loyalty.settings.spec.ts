import { ConfigInvalid } from '@bss/platform';
import { LoyaltySettings } from './loyalty.settings';

describe('LoyaltySettings.fromEnv', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const name of ['BSS_LOYALTY_MODE', 'BSS_LOYALTY_BASE_URL', 'BSS_LOYALTY_API_TOKEN', 'BSS_LOYALTY_TIMEOUT_MS']) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it('defaults to embedded with a 5 s timeout', () => {
    delete process.env.BSS_LOYALTY_MODE;
    delete process.env.BSS_LOYALTY_TIMEOUT_MS;
    expect(LoyaltySettings.fromEnv()).toMatchObject({ mode: 'embedded', enabled: true, timeoutMs: 5000 });
  });

  it('off is off', () => {
    process.env.BSS_LOYALTY_MODE = 'off';
    expect(LoyaltySettings.fromEnv()).toMatchObject({ mode: 'off', enabled: false });
  });

  it('remote reads base URL and token', () => {
    Object.assign(process.env, { BSS_LOYALTY_MODE: 'remote', BSS_LOYALTY_BASE_URL: 'http://loyalty:8080/', BSS_LOYALTY_API_TOKEN: 't0k3n' });
    expect(LoyaltySettings.fromEnv()).toMatchObject({ mode: 'remote', baseUrl: 'http://loyalty:8080', apiToken: 't0k3n' });
  });

  it('remote without a token degrades to off and logs promos.loyalty.disabled', () => {
    Object.assign(process.env, { BSS_LOYALTY_MODE: 'remote' });
    delete process.env.BSS_LOYALTY_API_TOKEN;
    const warn = jest.fn();
    expect(LoyaltySettings.fromEnv({ warn, info: jest.fn() })).toMatchObject({ mode: 'off', enabled: false });
    expect(warn).toHaveBeenCalledWith({ event: 'promos.loyalty.disabled' }, expect.stringContaining('promotions are off'));
  });

  it('an unknown mode refuses to boot', () => {
    process.env.BSS_LOYALTY_MODE = 'sometimes';
    expect(() => LoyaltySettings.fromEnv()).toThrow(ConfigInvalid);
  });
});
