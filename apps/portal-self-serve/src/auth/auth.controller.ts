import { Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import {
  assertStepUpLabel,
  RevokeSessionCommand,
  safeNextPath,
  StartLoginCommand,
  StartStepUpCommand,
  STEP_UP_ACTION_TEXT,
  VerifyLoginCommand,
  VerifyStepUpCommand,
  type StepUpLabel,
} from '@bss/identity';
import { InvalidInput, isBssError, PolicyViolation } from '@bss/platform';
import { Gate, PortalController } from '#portal-self-serve/http/gates';
import { clientIp, formOf, sessionOf, type FastifyReply, type PortalRequest } from '#portal-self-serve/http/portal-request';
import { PortalRedirect } from '#portal-self-serve/http/portal-redirect';
import { PortalUi } from '#portal-self-serve/http/portal-ui';

const GENERIC_CODE_ERROR = "That code didn't work. Check the latest email and try again, or ask for a new code.";
const RATE_LIMITED = 'Too many attempts. Please wait a few minutes and try again.';
const MAGIC_LINK_TOKEN = /^[A-Za-z0-9_-]{32}$/;

/** `a***@domain`: enough to recognise, not enough to harvest. */
export function maskEmail(email: string): string {
  const [local, domain] = email.split('@');
  return `${local.slice(0, 1)}***@${domain ?? ''}`;
}

/** Passwordless login (code or magic link), logout, and step-up for sensitive writes. */
@PortalController('auth')
@Gate('public')
export class AuthController {
  constructor(
    private readonly ui: PortalUi,
    private readonly startLogin: StartLoginCommand,
    private readonly verifyLogin: VerifyLoginCommand,
    private readonly logout: RevokeSessionCommand,
    private readonly startStepUp: StartStepUpCommand,
    private readonly verifyStepUp: VerifyStepUpCommand,
  ) {}

  @Get('login')
  loginPage(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Query('next') next?: string): FastifyReply {
    if (req.portal.session) return this.ui.redirect(req, reply, safeNextPath(next));
    return this.ui.page(req, reply, 'auth/login', { title: 'Sign in', next: safeNextPath(next), email: '' });
  }

  @Post('login')
  async login(@Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const form = formOf(req);
    const next = safeNextPath(form.next);
    try {
      const result = await this.startLogin.execute({ email: form.email ?? '', ip: clientIp(req), next });
      if (result.status === 'rate_limited') return this.ui.page(req, reply, 'auth/login', { title: 'Sign in', next, email: result.email, error: RATE_LIMITED }, 429);
      return this.ui.redirect(req, reply, `/auth/check-email?${new URLSearchParams({ email: result.email, next }).toString()}`);
    } catch (error) {
      if (error instanceof InvalidInput) {
        return this.ui.page(req, reply, 'auth/login', { title: 'Sign in', next, email: form.email ?? '', error: 'Please enter a valid email address.' }, 400);
      }
      throw error;
    }
  }

  @Get('check-email')
  checkEmailPage(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Query('email') email?: string, @Query('next') next?: string): FastifyReply {
    return this.ui.page(req, reply, 'auth/check-email', { title: 'Check your email', email: email ?? '', masked: maskEmail(email ?? ''), next: safeNextPath(next) });
  }

  @Post('check-email')
  async checkEmail(@Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const form = formOf(req);
    const next = safeNextPath(form.next);
    const email = form.email ?? '';
    const again = (error: string, status: number) => this.ui.page(req, reply, 'auth/check-email', { title: 'Check your email', email, masked: maskEmail(email), next, error }, status);
    let result;
    try {
      result = await this.verifyLogin.execute({ email, code: form.code ?? '', ip: clientIp(req) });
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
  magicLinkPage(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Query('email') email?: string, @Query('token') token?: string, @Query('next') next?: string): FastifyReply {
    const target = safeNextPath(next);
    if (typeof email !== 'string' || typeof token !== 'string' || !MAGIC_LINK_TOKEN.test(token)) {
      return this.ui.redirect(req, reply, `/auth/login?next=${encodeURIComponent(target)}&err=login.link_invalid`);
    }
    return this.ui.page(req, reply, 'auth/verify', { title: 'Sign in', email, token, masked: maskEmail(email), next: target });
  }

  @Post('verify')
  async magicLink(@Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const form = formOf(req);
    const target = safeNextPath(form.next);
    try {
      const result = await this.verifyLogin.execute({ email: form.email ?? '', token: form.token ?? '', ip: clientIp(req) });
      if (result.status === 'ok') {
        this.ui.setSessionCookie(reply, result.sessionToken);
        return this.ui.redirect(req, reply, target);
      }
      if (result.status === 'rate_limited') {
        return this.ui.page(req, reply, 'auth/login', { title: 'Sign in', next: target, email: form.email ?? '', error: RATE_LIMITED }, 429);
      }
    } catch (error) {
      if (!isBssError(error)) throw error;
    }
    return this.ui.redirect(req, reply, `/auth/login?next=${encodeURIComponent(target)}&err=login.link_invalid`);
  }

  @Post('logout')
  async signOut(@Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    if (req.portal.session) await this.logout.execute({ sessionId: req.portal.session.sessionId });
    this.ui.clearSessionCookie(reply);
    return this.ui.redirect(req, reply, '/welcome?flash=signed_out');
  }

  @Get('step-up')
  @Gate('session')
  stepUpPage(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Query('action') action?: string, @Query('next') next?: string, @Query('sent') sent?: string): FastifyReply {
    const label = this.label(action);
    return this.ui.page(req, reply, 'auth/step-up', {
      title: 'Confirm it is you',
      action: label,
      actionText: STEP_UP_ACTION_TEXT[label],
      next: safeNextPath(next),
      sent: sent === '1',
      masked: maskEmail(sessionOf(req).email),
    });
  }

  @Post('step-up/start')
  @Gate('session')
  async stepUpStart(@Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const form = formOf(req);
    const label = this.label(form.action);
    const next = safeNextPath(form.next);
    const session = sessionOf(req);
    const result = await this.startStepUp.execute({ sessionId: session.sessionId, identityId: session.identityId, label });
    if (result.status === 'rate_limited') {
      return this.ui.page(req, reply, 'auth/step-up', { title: 'Confirm it is you', action: label, actionText: STEP_UP_ACTION_TEXT[label], next, sent: true, masked: maskEmail(session.email), error: RATE_LIMITED }, 429);
    }
    return this.ui.redirect(req, reply, `/auth/step-up?${new URLSearchParams({ action: label, next, sent: '1' }).toString()}`);
  }

  @Post('step-up')
  @Gate('session')
  @HttpCode(200)
  async stepUpVerify(@Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const form = formOf(req);
    const label = this.label(form.action);
    const next = safeNextPath(form.next);
    const session = sessionOf(req);
    const again = (error: string, status: number) =>
      this.ui.page(req, reply, 'auth/step-up', { title: 'Confirm it is you', action: label, actionText: STEP_UP_ACTION_TEXT[label], next, sent: true, masked: maskEmail(session.email), error }, status);
    let result;
    try {
      result = await this.verifyStepUp.execute({ sessionId: session.sessionId, identityId: session.identityId, label, code: form.code ?? '' });
    } catch (error) {
      if (error instanceof InvalidInput) return again(GENERIC_CODE_ERROR, 400);
      throw error;
    }
    if (result.status === 'rate_limited') return again(RATE_LIMITED, 429);
    if (result.status === 'failed') return again(GENERIC_CODE_ERROR, 400);
    this.ui.setStepUpCookie(reply, result.grant);
    if (!result.stash || result.stash.redacted) {
      const back = result.stash?.redacted ? next : next;
      return this.ui.redirect(req, reply, `${back}${back.includes('?') ? '&' : '?'}flash=step_up_done`);
    }
    // Replay: the stashed form POSTs itself (script for JS, a button without) with the grant.
    return this.ui.page(req, reply, 'auth/replay', { title: 'Continuing…', target: result.stash.targetUrl, fields: Object.entries(result.stash.payload), grant: result.grant, actionText: STEP_UP_ACTION_TEXT[label] });
  }

  private label(action: string | undefined): StepUpLabel {
    try {
      return assertStepUpLabel(action);
    } catch (error) {
      if (error instanceof PolicyViolation) throw new PortalRedirect('/');
      throw error;
    }
  }
}
