import { FastifyAdapter } from '@nestjs/platform-fastify';
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

describe('client IP behind the Fastify adapter', () => {
  async function ipSeen(trusted: string | undefined, remoteAddress: string): Promise<string> {
    const server = new FastifyAdapter({ trustProxy: trustedProxiesFromEnv({ BSS_TRUSTED_PROXIES: trusted }) }).getInstance();
    server.get('/ip', async (req) => req.ip);
    try {
      const res = await server.inject({ method: 'GET', url: '/ip', remoteAddress, headers: { 'x-forwarded-for': '203.0.113.9' } });
      return res.body;
    } finally {
      await server.close();
    }
  }

  it('ignores X-Forwarded-For by default', async () => {
    expect(await ipSeen(undefined, '198.51.100.1')).toBe('198.51.100.1');
  });

  it('believes it only from a configured proxy', async () => {
    expect(await ipSeen('10.0.0.0/8', '10.1.2.3')).toBe('203.0.113.9');
    expect(await ipSeen('10.0.0.0/8', '198.51.100.1')).toBe('198.51.100.1');
  });
});
