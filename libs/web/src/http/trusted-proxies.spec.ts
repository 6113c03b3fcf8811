import { trustedProxiesFromEnv } from './trusted-proxies';

describe('trustedProxiesFromEnv', () => {
  it('trusts no proxy by default', () => {
    expect(trustedProxiesFromEnv({})).toBe(false);
    expect(trustedProxiesFromEnv({ BSS_TRUSTED_PROXIES: ' , ' })).toBe(false);
  });

  it('reads comma-separated IPs and CIDRs', () => {
    expect(trustedProxiesFromEnv({ BSS_TRUSTED_PROXIES: '10.0.0.5, 10.1.0.0/16,::1' })).toEqual(['10.0.0.5', '10.1.0.0/16', '::1']);
  });

  it.each(['true', 'loopback', '10.0.0.0/33', '10.0.0.1/8/1', 'example.com'])('refuses %p', (value) => {
    expect(() => trustedProxiesFromEnv({ BSS_TRUSTED_PROXIES: value })).toThrow(/BSS_TRUSTED_PROXIES/);
  });
});
