import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { IDENTITY_CONFIG, TokenHasher, type IdentityConfig } from '@bss/identity';
import { envString } from '@bss/platform';
import {
  allowanceLabel,
  appendSetCookie,
  CsrfProtection,
  formatMsisdn,
  formatPrice,
  formatQuantity,
  hostCookieName,
  renderReplyMarkdown,
  serializeCookie,
  StaticAssets,
  WebUi,
  type ViewLocals,
} from '@bss/web';
import type { CockpitRequest } from './cockpit-request';

/** The cockpit's templates live beside its routes (src/<area>/*.pug), for src and dist runs alike. */
export const COCKPIT_VIEWS_DIR = join(__dirname, '..', '..', 'src');

/** Cookie names of their own: a browser sends :9001's cookies to :9002 too (cookies ignore ports). */
export const COCKPIT_SESSION_COOKIE = 'bss_cockpit_session';
export const COCKPIT_CSRF_COOKIE = 'bss_cockpit_csrf';

/** `none` = the reference's trusted perimeter: no sign-in, one operator, a loud banner. */
export type CockpitAuthMode = 'email' | 'none';

export function cockpitAuthMode(): CockpitAuthMode {
  return envString('BSS_COCKPIT_AUTH', 'email') === 'none' ? 'none' : 'email';
}

const FLASH_MAX = 300;

export interface Flash {
  kind: 'ok' | 'err';
  text: string;
}

/** `?flash=` after a write, `?err=` after a refusal: the cockpit shows a PolicyViolation verbatim, rule id first. */
export function flashOf(req: CockpitRequest): Flash | null {
  const query = (req.query ?? {}) as Record<string, unknown>;
  if (typeof query.err === 'string' && query.err) return { kind: 'err', text: query.err.slice(0, FLASH_MAX) };
  if (typeof query.flash === 'string' && query.flash) return { kind: 'ok', text: query.flash.slice(0, FLASH_MAX) };
  return null;
}

/** Appends `key=value` to a same-origin path, replacing an earlier flash. */
export function withFlash(path: string, key: 'flash' | 'err', text: string): string {
  const [base, query = ''] = path.split('?');
  const params = new URLSearchParams(query);
  params.delete('flash');
  params.delete('err');
  params.set(key, text.slice(0, FLASH_MAX));
  return `${base}?${params.toString()}`;
}

export const VIEW_FORMAT = { msisdn: formatMsisdn, quantity: formatQuantity, price: formatPrice, allowance: allowanceLabel, markdown: renderReplyMarkdown } as const;

/** Rendering, redirects and cookies for every cockpit route, with the locals the app shell needs. */
@Injectable()
export class CockpitUi extends WebUi<CockpitRequest> {
  readonly csrf: CsrfProtection;
  readonly sessionCookie: string;
  readonly csrfCookie: string;
  readonly authMode = cockpitAuthMode();
  private readonly asset = (name: string): string => this.assets.url(name);

  constructor(
    readonly assets: StaticAssets,
    hasher: TokenHasher,
    @Inject(IDENTITY_CONFIG) readonly config: IdentityConfig,
  ) {
    super(COCKPIT_VIEWS_DIR, { name: hostCookieName(COCKPIT_SESSION_COOKIE, config.secureCookies), ttlSeconds: config.sessionTtlSeconds, secure: config.secureCookies });
    // Its own key: a portal CSRF token never passes in the cockpit.
    this.csrf = new CsrfProtection(hasher.derive('cockpit-csrf'));
    this.sessionCookie = this.sessionCookieSettings.name;
    this.csrfCookie = hostCookieName(COCKPIT_CSRF_COOKIE, config.secureCookies);
  }

  /** 303 back to the form's page with a success flash. */
  done(req: CockpitRequest, reply: FastifyReply, url: string, text: string): FastifyReply {
    return this.redirect(req, reply, withFlash(url, 'flash', text));
  }

  /** Bound to the session when signed in, else to an anonymous secret cookie minted on first use. */
  csrfToken(req: CockpitRequest, reply: FastifyReply): string {
    const cockpit = req.cockpit;
    if (!cockpit) return '';
    if (cockpit.csrfToken) return cockpit.csrfToken;
    if (!cockpit.csrfBinding) {
      const secret = CsrfProtection.newSecret();
      cockpit.csrfBinding = { kind: 'anonymous', secret };
      appendSetCookie(reply, serializeCookie(this.csrfCookie, secret, { secure: this.config.secureCookies }));
    }
    cockpit.csrfToken = this.csrf.tokenFor(cockpit.csrfBinding);
    return cockpit.csrfToken;
  }

  protected baseLocals(req: CockpitRequest): ViewLocals {
    const operator = req.cockpit?.operator ?? null;
    return {
      asset: this.asset,
      operator,
      trustedPerimeter: req.cockpit?.trustedPerimeter ?? false,
      flash: flashOf(req),
      fmt: VIEW_FORMAT,
      path: req.url,
      section: '/' + (req.url.split('?')[0].split('/')[1] ?? ''),
    };
  }
}
