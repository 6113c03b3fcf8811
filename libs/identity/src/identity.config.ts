import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigInvalid, envBool, envInt, envString, localStateDir } from '@bss/platform';

const MIN_PEPPER_LENGTH = 32;
const HOW_TO_GENERATE = 'Generate one with: openssl rand -hex 32';

export interface RateLimit {
  max: number;
  windowSeconds: number;
}

/** Every tunable of portal auth, read once at boot (names follow the reference's env variables). */
export interface IdentityConfig {
  pepper: string;
  loginTokenTtlSeconds: number;
  stepUpTokenTtlSeconds: number;
  stepUpGrantTtlSeconds: number;
  stepUpPendingTtlSeconds: number;
  emailChangeTtlSeconds: number;
  sessionTtlSeconds: number;
  /** Secure cookies unless explicitly turned off for plain-http local development. */
  secureCookies: boolean;
  /** Prefix of the magic link; empty → a relative link (development). */
  publicUrl: string;
  /** The same for the operator cockpit's sign-in link. */
  cockpitPublicUrl: string;
  limits: {
    loginPerEmail: RateLimit;
    loginPerIp: RateLimit;
    /** Failed codes for one email from one IP: a stranger's guesses lock out only the stranger. */
    verifyPerEmailIp: RateLimit;
    /** Failed codes for one email from anywhere: the higher global cap on guessing. */
    verifyPerEmail: RateLimit;
    stepUpPerSession: RateLimit;
    stepUpVerifyPerSession: RateLimit;
    emailChangeVerifyPerIdentity: RateLimit;
  };
}

export const IDENTITY_CONFIG = Symbol('IDENTITY_CONFIG');

/**
 * `BSS_PORTAL_TOKEN_PEPPER` keys every stored code. Production refuses to start without a strong
 * one; development generates one once into the gitignored `.bss/portal-pepper`.
 */
export function loadPortalPepper(env: NodeJS.ProcessEnv = process.env, devFile = (): string => join(localStateDir(), 'portal-pepper')): string {
  const value = env.BSS_PORTAL_TOKEN_PEPPER;
  if (value) {
    if (value === 'changeme') throw new ConfigInvalid(`BSS_PORTAL_TOKEN_PEPPER is the placeholder "changeme"; refusing to start. ${HOW_TO_GENERATE}`);
    if (value.length < MIN_PEPPER_LENGTH) {
      throw new ConfigInvalid(`BSS_PORTAL_TOKEN_PEPPER is ${value.length} characters; at least ${MIN_PEPPER_LENGTH} are required. ${HOW_TO_GENERATE}`);
    }
    return value;
  }
  if (env.BSS_ENV === 'production') throw new ConfigInvalid(`BSS_PORTAL_TOKEN_PEPPER is not set; production refuses to start without it. ${HOW_TO_GENERATE}`);
  const file = devFile();
  if (!existsSync(file)) writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

function limit(name: string, max: number, windowSeconds: number): RateLimit {
  return { max: envInt(`BSS_PORTAL_${name}_MAX`, max), windowSeconds: envInt(`BSS_PORTAL_${name}_WINDOW_S`, windowSeconds) };
}

/**
 * Code, grant and session lifetimes stay on the business (platform) clock: they are product
 * behaviour a tester fast-forwards with `bss clock advance` (a session rotating at 12 h, a code
 * expiring at 15 min), and moving the clock forward only ever shortens them. Rate-limit and
 * lock-out windows are abuse controls and run on wall time instead (see attempt-log.ts).
 */
export function identityConfigFromEnv(): IdentityConfig {
  return {
    pepper: loadPortalPepper(),
    loginTokenTtlSeconds: envInt('BSS_PORTAL_LOGIN_TOKEN_TTL_S', 900),
    stepUpTokenTtlSeconds: envInt('BSS_PORTAL_STEPUP_TOKEN_TTL_S', 300),
    stepUpGrantTtlSeconds: envInt('BSS_PORTAL_STEPUP_GRANT_TTL_S', 60),
    stepUpPendingTtlSeconds: envInt('BSS_PORTAL_STEPUP_PENDING_TTL_S', 600),
    emailChangeTtlSeconds: envInt('BSS_PORTAL_EMAIL_CHANGE_TTL_S', 86_400),
    sessionTtlSeconds: envInt('BSS_PORTAL_SESSION_TTL_S', 86_400),
    secureCookies: !envBool('BSS_PORTAL_DEV_INSECURE_COOKIE', false),
    publicUrl: envString('BSS_PORTAL_PUBLIC_URL', '').replace(/\/+$/, ''),
    cockpitPublicUrl: envString('BSS_COCKPIT_PUBLIC_URL', '').replace(/\/+$/, ''),
    limits: {
      loginPerEmail: limit('LOGIN_PER_EMAIL', 3, 900),
      loginPerIp: limit('LOGIN_PER_IP', 10, 3600),
      verifyPerEmailIp: limit('VERIFY_PER_EMAIL_IP', 10, 900),
      verifyPerEmail: limit('VERIFY_PER_EMAIL', 50, 900),
      stepUpPerSession: limit('STEPUP_PER_SESSION', 5, 900),
      stepUpVerifyPerSession: limit('STEPUP_VERIFY_PER_SESSION', 10, 900),
      emailChangeVerifyPerIdentity: limit('EMAIL_CHANGE_VERIFY_PER_IDENTITY', 10, 900),
    },
  };
}
