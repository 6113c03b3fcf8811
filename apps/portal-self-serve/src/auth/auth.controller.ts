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
import { InvalidInput, PolicyViolation } from '@bss/platform';
import { EmailSignInController, GateRedirect, GENERIC_CODE_ERROR, maskEmail, RATE_LIMITED, type SignInCommands, type SignInSettings } from '@bss/web';
import { Gate, PortalController } from '#portal-self-serve/http/gates';
import { formOf, sessionOf, type FastifyReply, type PortalRequest } from '#portal-self-serve/http/portal-request';
import { PortalUi } from '#portal-self-serve/http/portal-ui';

const SETTINGS: SignInSettings = { title: 'Sign in', linkInvalidErr: 'login.link_invalid', safeNextPath };

/** Passwordless login (code or magic link, `EmailSignInController`), logout, and step-up for sensitive writes. */
@PortalController('auth')
@Gate('public')
export class AuthController extends EmailSignInController<PortalRequest> {
  protected readonly settings = SETTINGS;
  protected readonly commands: SignInCommands;

  constructor(
    protected readonly ui: PortalUi,
    startLogin: StartLoginCommand,
    verifyLogin: VerifyLoginCommand,
    private readonly logout: RevokeSessionCommand,
    private readonly startStepUp: StartStepUpCommand,
    private readonly verifyStepUp: VerifyStepUpCommand,
  ) {
    super();
    this.commands = { startLogin, verifyLogin };
  }

  protected isSignedIn(req: PortalRequest): boolean {
    return !!req.portal.session;
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
      if (error instanceof PolicyViolation) throw new GateRedirect('/');
      throw error;
    }
  }
}
