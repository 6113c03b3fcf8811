import { isIP } from 'node:net';
import { ConfigInvalid } from '@bss/platform';

/**
 * `BSS_TRUSTED_PROXIES`: comma-separated IPs/CIDRs of the reverse proxies in front of an app.
 * Only a request arriving from one of them has its `X-Forwarded-For` believed; by default none,
 * so a client cannot choose the address that per-IP limits count (Fastify `trustProxy`).
 */
export function trustedProxiesFromEnv(env: NodeJS.ProcessEnv = process.env): string[] | false {
  const entries = (env.BSS_TRUSTED_PROXIES ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, bits, ...rest] = entry.split('/');
    const family = isIP(address);
    const prefixOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
    if (family === 0 || rest.length > 0 || !prefixOk) {
      throw new ConfigInvalid(`BSS_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR (e.g. 10.0.0.5 or 10.0.0.0/8)`);
    }
  }
  return entries.length > 0 ? entries : false;
}
