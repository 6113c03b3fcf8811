import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { IDENTITY_CONFIG, TokenHasher, type IdentityConfig } from '@bss/identity';
import { envString } from '@bss/platform';
import {
  allowanceLabel,
  appendSetCookie,
  chargePurposeLabel,
  chargeStatusLabel,
  CSRF_COOKIE,
  CsrfProtection,
  formatMsisdn,
  formatPrice,
  formatQuantity,
  hostCookieName,
  renewalCountdown,
  serializeCookie,
  StaticAssets,
  WebUi,
  type CsrfBinding,
  type ViewLocals,
} from '@bss/web';
import type { PortalRequest } from './portal-request';
import { copyForRule, FLASH_COPY } from './rule-copy';

/** The portal's templates live beside its routes (src/<area>/*.pug), for src and dist runs alike. */
export const PORTAL_VIEWS_DIR = join(__dirname, '..', '..', 'src');

export const SESSION_COOKIE = 'bss_portal_session';
export const STEP_UP_COOKIE = 'bss_portal_step_up';

/** The names the browser holds: `__Host-` prefixed unless the plain-http dev mode is on (see `hostCookieName`). */
export interface PortalCookieNames {
  session: string;
  csrf: string;
  stepUp: string;
}

export function portalCookieNames(secure: boolean): PortalCookieNames {
  return { session: hostCookieName(SESSION_COOKIE, secure), csrf: hostCookieName(CSRF_COOKIE, secure), stepUp: hostCookieName(STEP_UP_COOKIE, secure) };
}

export const BRAND = { name: 'BSS Mobile', tagline: 'Prepaid eSIM plans. No contract, no surprises.' } as const;

/** Where customers write for help; the same address the chat's escalation fallback names. */
export const SUPPORT_EMAIL_ENV = 'BSS_OPERATOR_SUPPORT_EMAIL';
export const DEFAULT_SUPPORT_EMAIL = 'support@bss.local';

export function supportEmail(): string {
  return envString(SUPPORT_EMAIL_ENV, DEFAULT_SUPPORT_EMAIL);
}

/** The one line formatter, handed to every template as `fmt` so no view formats a number its own way. */
export const VIEW_FORMAT = { msisdn: formatMsisdn, quantity: formatQuantity, price: formatPrice, allowance: allowanceLabel, countdown: renewalCountdown, purpose: chargePurposeLabel, status: chargeStatusLabel } as const;

export interface Flash {
  kind: 'ok' | 'err' | 'info';
  text: string;
}

/** Rendering, redirects and cookies for every portal route, with the per-request locals all templates need. */
@Injectable()
export class PortalUi extends WebUi<PortalRequest> {
  readonly csrf: CsrfProtection;
  readonly cookieNames: PortalCookieNames;
  private readonly asset = (name: string): string => this.assets.url(name);
  private readonly supportEmail = supportEmail();

  constructor(
    readonly assets: StaticAssets,
    hasher: TokenHasher,
    @Inject(IDENTITY_CONFIG) readonly config: IdentityConfig,
  ) {
    const cookieNames = portalCookieNames(config.secureCookies);
    super(PORTAL_VIEWS_DIR, { name: cookieNames.session, ttlSeconds: config.sessionTtlSeconds, secure: config.secureCookies });
    this.csrf = new CsrfProtection(hasher.derive('csrf'));
    this.cookieNames = cookieNames;
  }

  setStepUpCookie(reply: FastifyReply, grant: string): void {
    appendSetCookie(reply, serializeCookie(this.cookieNames.stepUp, grant, { maxAgeSeconds: this.config.stepUpGrantTtlSeconds, secure: this.config.secureCookies }));
  }

  clearStepUpCookie(reply: FastifyReply): void {
    appendSetCookie(reply, serializeCookie(this.cookieNames.stepUp, '', { clear: true, secure: this.config.secureCookies }));
  }

  /**
   * The request's CSRF token, bound to the signed-in session, or for an anonymous visitor to the
   * secret cookie. Anonymous visitors of pages without a form never reach here, so they get no
   * secret, no HMAC and no Set-Cookie; the first page with a form mints the secret cookie.
   */
  csrfToken(req: PortalRequest, reply: FastifyReply): string {
    const portal = req.portal;
    if (!portal) return '';
    if (portal.csrfToken) return portal.csrfToken;
    if (!portal.session && !portal.csrfSecret) {
      portal.csrfSecret = CsrfProtection.newSecret();
      appendSetCookie(reply, serializeCookie(this.cookieNames.csrf, portal.csrfSecret, { secure: this.config.secureCookies }));
    }
    portal.csrfToken = this.csrf.tokenFor(csrfBindingOf(portal)!);
    return portal.csrfToken;
  }

  protected baseLocals(req: PortalRequest): ViewLocals {
    const session = req.portal?.session ?? null;
    return {
      asset: this.asset,
      viewer: { signedIn: !!session, email: session?.email ?? null, linked: !!session?.customerId },
      flash: flashOf(req),
      brand: BRAND,
      supportEmail: this.supportEmail,
      fmt: VIEW_FORMAT,
      path: req.url,
    };
  }
}

/** What this request's CSRF token must be bound to: its session if signed in, else its anonymous cookie secret. */
export function csrfBindingOf(portal: Pick<PortalRequest['portal'], 'session' | 'csrfSecret'>): CsrfBinding | null {
  if (portal.session) return { kind: 'session', secret: portal.session.csrfSecret };
  return portal.csrfSecret ? { kind: 'anonymous', secret: portal.csrfSecret } : null;
}

/** `?flash=<key>` after success, `?err=<rule>` after a refusal: fixed copy only, never text from the URL. */
export function flashOf(req: PortalRequest): Flash | null {
  const query = (req.query ?? {}) as Record<string, unknown>;
  if (typeof query.flash === 'string' && FLASH_COPY[query.flash]) return { kind: 'ok', text: FLASH_COPY[query.flash] };
  if (typeof query.err === 'string' && query.err.length <= 120) return { kind: 'err', text: copyForRule(query.err).copy };
  return null;
}

/** Appends `key=value` to a same-origin path, keeping its query. */
export function withParam(path: string, key: string, value: string): string {
  const [base, query = ''] = path.split('?');
  const params = new URLSearchParams(query);
  params.delete('flash');
  params.delete('err');
  params.set(key, value);
  return `${base}?${params.toString()}`;
}
