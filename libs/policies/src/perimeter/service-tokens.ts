import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigInvalid, localStateDir } from '@bss/platform';

/** `BSS_API_TOKEN` → `default`; `BSS_<NAME>_API_TOKEN` → `<name>` lower-cased. */
export const NAMED_TOKENS = [
  { env: 'BSS_API_TOKEN', identity: 'default' },
  { env: 'BSS_PORTAL_SELF_SERVE_API_TOKEN', identity: 'portal_self_serve' },
  { env: 'BSS_OPERATOR_COCKPIT_API_TOKEN', identity: 'operator_cockpit' },
  // A partner to try the TMF APIs (tmf-api, :9004) with in development; audit rows say partner_dev.
  { env: 'BSS_PARTNER_DEV_API_TOKEN', identity: 'partner_dev' },
] as const;

const TOKEN_ENV = /^BSS_([A-Z0-9_]+)_API_TOKEN$/;
const MIN_LENGTH = 32;
const HOW_TO_GENERATE = 'Generate one with: openssl rand -hex 32  (or: node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'hex\'))")';

function identityFor(envName: string): string {
  if (envName === 'BSS_API_TOKEN') return 'default';
  return TOKEN_ENV.exec(envName)![1].toLowerCase();
}

/**
 * The named-token perimeter. Tokens are kept only as salted HMACs and compared in constant
 * time; which token matched is the caller's service identity.
 */
export class ServiceTokens {
  private readonly salt = randomBytes(32);
  private readonly digests: { identity: string; digest: Buffer }[];

  private constructor(tokens: { identity: string; token: string }[]) {
    this.digests = tokens.map((t) => ({ identity: t.identity, digest: this.digest(t.token) }));
  }

  /** Validates every `BSS_*_API_TOKEN` in `env`; refuses to boot on a weak or reused one. */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): ServiceTokens {
    const tokens: { identity: string; token: string }[] = [];
    if (!env.BSS_API_TOKEN) throw new ConfigInvalid(`BSS_API_TOKEN is not set. ${HOW_TO_GENERATE}`, { variable: 'BSS_API_TOKEN' });
    for (const [name, value] of Object.entries(env)) {
      if (!(name === 'BSS_API_TOKEN' || TOKEN_ENV.test(name)) || value === undefined || value === '') continue;
      if (value === 'changeme') throw new ConfigInvalid(`${name} is set to the placeholder "changeme"; refusing to start. ${HOW_TO_GENERATE}`, { variable: name });
      if (value.length < MIN_LENGTH) {
        throw new ConfigInvalid(`${name} is ${value.length} characters; at least ${MIN_LENGTH} are required. ${HOW_TO_GENERATE}`, { variable: name });
      }
      const reused = tokens.find((t) => t.token === value);
      if (reused) throw new ConfigInvalid(`${name} reuses the token of identity "${reused.identity}"; every named token must differ.`, { variable: name });
      tokens.push({ identity: identityFor(name), token: value });
    }
    return new ServiceTokens(tokens);
  }

  /** The identity whose token this is, or undefined. Checks every entry so timing reveals nothing. */
  identify(presented: string | undefined): string | undefined {
    if (!presented) return undefined;
    const digest = this.digest(presented);
    let match: string | undefined;
    for (const entry of this.digests) {
      if (timingSafeEqual(entry.digest, digest) && match === undefined) match = entry.identity;
    }
    return match;
  }

  identities(): string[] {
    return this.digests.map((d) => d.identity);
  }

  private digest(token: string): Buffer {
    return createHmac('sha256', this.salt).update(token).digest();
  }
}

/**
 * For `npm start` with no tokens configured: generate strong ones once into the gitignored
 * `.bss/tokens.env` and load any that the environment does not already set. A token named after
 * the file was made is appended to it, so an existing checkout gets it without rotating the others.
 */
export function loadOrCreateDevTokens(file = join(localStateDir(), 'tokens.env')): string {
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '# Generated once for local development; delete to rotate.\n';
  const missing = NAMED_TOKENS.filter((t) => !new RegExp(`^${t.env}=`, 'm').test(existing));
  if (missing.length > 0) {
    const lines = missing.map((t) => `${t.env}=${randomBytes(32).toString('hex')}`);
    writeFileSync(file, `${existing}${existing.endsWith('\n') ? '' : '\n'}${lines.join('\n')}\n`, { mode: 0o600 });
  }
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match && process.env[match[1]] === undefined) process.env[match[1]] = match[2];
  }
  return file;
}
