import { Get, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { InvalidInput, isBssError } from '@bss/platform';
import { formOf } from '#web/portal-ui/form';

export const GENERIC_CODE_ERROR = "That code didn't work. Check the latest email and try again, or ask for a new code.";
export const RATE_LIMITED = 'Too many attempts. Please wait a few minutes and try again.';
const MAGIC_LINK_TOKEN = /^[A-Za-z0-9_-]{32}$/;

/** `a***@domain`: enough to recognise, not enough to harvest. */
export function maskEmail(email: string): string {
  const [local, domain] = email.split('@');
  return `${local.slice(0, 1)}***@${domain ?? ''}`;
}

/** The client address a rate limit counts (Fastify's `req.ip`, trusted proxies only), bounded. */
export function clientIp(req: FastifyRequest): string {
  return (req.ip || 'unknown').slice(0, 64);
}

/** The identity lib's `login.start` and `login.verify`, as the sign-in routes call them (typed here, not imported: web sits below the contexts). */
export interface SignInCommands {
  startLogin: { execute(input: { email: string; ip: string; next: string; audience?: 'cockpit' }): Promise<{ status: 'sent' | 'rate_limited'; email: string }> };
  verifyLogin: {
    execute(input: { email: string; code?: string; token?: string; ip: string; audience?: 'cockpit' }): Promise<{ status: 'ok'; sessionToken: string } | { status: 'failed' } | { status: 'rate_limited' }>;
  };
}

/** What the routes need from an app's UI service: render, redirect, and set the session cookie. */
export interface SignInUi<R extends FastifyRequest> {
  page(req: R, reply: FastifyReply, page: string, locals?: Record<string, unknown>, status?: number): FastifyReply;
  redirect(req: R, reply: FastifyReply, url: string): FastifyReply;
  setSessionCookie(reply: FastifyReply, token: string): void;
}

/** Where the apps differ: who signs in, what the pages are called, how a dead link is reported. */
export interface SignInSettings {
  /** The login and magic-link pages' title. */
  title: string;
  /** `cockpit`: only active operators get a code and the session opens only the cockpit. */
  audience?: 'cockpit';
  /** The `?err=` a dead or malformed magic link lands on the login page with (each app's flash reads it its own way). */
  linkInvalidErr: string;
  /** The identity lib's open-redirect guard for `next`. */
  safeNextPath(raw: unknown): string;
}

/**
 * Passwordless sign-in, the one implementation behind the portal (:9001) and the cockpit (:9002):
 * `/auth/login` → emailed code → `/auth/check-email`, or the magic link at `/auth/verify` (GET
 * renders the button, only its POST signs in). An app subclasses it under its own
 * `@Controller('auth')` and gate, with its UI service, the identity commands and its settings, and
 * adds what only it has (sign-out's landing page, the portal's step-up).
 */
export abstract class EmailSignInController<R extends FastifyRequest> {
  protected abstract readonly ui: SignInUi<R>;
  protected abstract readonly commands: SignInCommands;
  protected abstract readonly settings: SignInSettings;

  /** A signed-in visitor skips the login form. */
  protected abstract isSignedIn(req: R): boolean;

  @Get('login')
  loginPage(@Req() req: R, @Res() reply: FastifyReply, @Query('next') next?: string): FastifyReply {
    const target = this.settings.safeNextPath(next);
    if (this.isSignedIn(req)) return this.ui.redirect(req, reply, target);
    return this.ui.page(req, reply, 'auth/login', { title: this.settings.title, next: target, email: '' });
  }

  @Post('login')
  async login(@Req() req: R, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const form = formOf(req);
    const next = this.settings.safeNextPath(form.next);
    try {
      const result = await this.commands.startLogin.execute({ email: form.email ?? '', ip: clientIp(req), next, ...this.audience() });
      if (result.status === 'rate_limited') return this.ui.page(req, reply, 'auth/login', { title: this.settings.title, next, email: result.email, error: RATE_LIMITED }, 429);
      return this.ui.redirect(req, reply, `/auth/check-email?${new URLSearchParams({ email: result.email, next }).toString()}`);
    } catch (error) {
      if (error instanceof InvalidInput) {
        return this.ui.page(req, reply, 'auth/login', { title: this.settings.title, next, email: form.email ?? '', error: 'Please enter a valid email address.' }, 400);
      }
      throw error;
    }
  }

  @Get('check-email')
  checkEmailPage(@Req() req: R, @Res() reply: FastifyReply, @Query('email') email?: string, @Query('next') next?: string): FastifyReply {
    return this.ui.page(req, reply, 'auth/check-email', { title: 'Check your email', email: email ?? '', masked: maskEmail(email ?? ''), next: this.settings.safeNextPath(next) });
  }

  @Post('check-email')
  async checkEmail(@Req() req: R, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const form = formOf(req);
    const next = this.settings.safeNextPath(form.next);
    const email = form.email ?? '';
    const again = (error: string, status: number) => this.ui.page(req, reply, 'auth/check-email', { title: 'Check your email', email, masked: maskEmail(email), next, error }, status);
    let result;
    try {
      result = await this.commands.verifyLogin.execute({ email, code: form.code ?? '', ip: clientIp(req), ...this.audience() });
    } catch (error) {
      if (error instanceof InvalidInput) return again(GENERIC_CODE_ERROR, 400);
      throw error;
    }
    if (result.status === 'rate_limited') return again(RATE_LIMITED, 429);
    if (result.status === 'failed') return again(GENERIC_CODE_ERROR, 400);
    this.ui.setSessionCookie(reply, result.sessionToken);
    return this.ui.redirect(req, reply, next);
  }

  /** The magic link's landing page. GET never writes: it only renders the form whose POST signs in. */
  @Get('verify')
  magicLinkPage(@Req() req: R, @Res() reply: FastifyReply, @Query('email') email?: string, @Query('token') token?: string, @Query('next') next?: string): FastifyReply {
    const target = this.settings.safeNextPath(next);
    if (typeof email !== 'string' || typeof token !== 'string' || !MAGIC_LINK_TOKEN.test(token)) return this.ui.redirect(req, reply, this.linkInvalid(target));
    return this.ui.page(req, reply, 'auth/verify', { title: this.settings.title, email, token, masked: maskEmail(email), next: target });
  }

  @Post('verify')
  async magicLink(@Req() req: R, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const form = formOf(req);
    const target = this.settings.safeNextPath(form.next);
    try {
      const result = await this.commands.verifyLogin.execute({ email: form.email ?? '', token: form.token ?? '', ip: clientIp(req), ...this.audience() });
      if (result.status === 'ok') {
        this.ui.setSessionCookie(reply, result.sessionToken);
        return this.ui.redirect(req, reply, target);
      }
      if (result.status === 'rate_limited') {
        return this.ui.page(req, reply, 'auth/login', { title: this.settings.title, next: target, email: form.email ?? '', error: RATE_LIMITED }, 429);
      }
    } catch (error) {
      if (!isBssError(error)) throw error;
    }
    return this.ui.redirect(req, reply, this.linkInvalid(target));
  }

  private audience(): { audience?: 'cockpit' } {
    return this.settings.audience ? { audience: this.settings.audience } : {};
  }

  private linkInvalid(target: string): string {
    return `/auth/login?next=${encodeURIComponent(target)}&err=${encodeURIComponent(this.settings.linkInvalidErr)}`;
  }
}
