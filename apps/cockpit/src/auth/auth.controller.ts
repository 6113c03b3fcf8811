import { Get, Post, Query, Req, Res } from '@nestjs/common';
import { RevokeSessionCommand, safeNextPath, StartLoginCommand, VerifyLoginCommand } from '@bss/identity';
import { InvalidInput, isBssError } from '@bss/platform';
import { formOf } from '@bss/web';
import { clientIp, type CockpitRequest, type FastifyReply } from '#cockpit/http/cockpit-request';
import { CockpitController, SignedOut } from '#cockpit/http/cockpit-routes';
import { CockpitUi } from '#cockpit/http/cockpit-ui';

const GENERIC_CODE_ERROR = "That code didn't work. Check the latest email and try again, or ask for a new code.";
const RATE_LIMITED = 'Too many attempts. Please wait a few minutes and try again.';
const MAGIC_LINK_TOKEN = /^[A-Za-z0-9_-]{32}$/;

/**
 * Operator sign-in: the portal's routes and forms (`/auth/login` → emailed code →
 * `/auth/check-email`, or the magic link at `/auth/verify`) over the same identity commands, with
 * audience `cockpit` so only active operators get a code and the session opens only the cockpit.
 */
@CockpitController('auth')
@SignedOut()
export class AuthController {
  constructor(
    private readonly ui: CockpitUi,
    private readonly startLogin: StartLoginCommand,
    private readonly verifyLogin: VerifyLoginCommand,
    private readonly logout: RevokeSessionCommand,
  ) {}

  @Get('login')
  loginPage(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Query('next') next?: string): FastifyReply {
    if (req.cockpit.operator) return this.ui.redirect(req, reply, safeNextPath(next));
    return this.ui.page(req, reply, 'auth/login', { title: 'Operator sign-in', next: safeNextPath(next), email: '' });
  }

  @Post('login')
  async login(@Req() req: CockpitRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const form = formOf(req);
    const next = safeNextPath(form.next);
    try {
      const result = await this.startLogin.execute({ email: form.email ?? '', ip: clientIp(req), next, audience: 'cockpit' });
      if (result.status === 'rate_limited') return this.ui.page(req, reply, 'auth/login', { title: 'Operator sign-in', next, email: result.email, error: RATE_LIMITED }, 429);
      return this.ui.redirect(req, reply, `/auth/check-email?${new URLSearchParams({ email: result.email, next }).toString()}`);
    } catch (error) {
      if (error instanceof InvalidInput) {
        return this.ui.page(req, reply, 'auth/login', { title: 'Operator sign-in', next, email: form.email ?? '', error: 'Please enter a valid email address.' }, 400);
      }
      throw error;
    }
  }

  @Get('check-email')
  checkEmailPage(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Query('email') email?: string, @Query('next') next?: string): FastifyReply {
    return this.ui.page(req, reply, 'auth/check-email', { title: 'Check your email', email: email ?? '', next: safeNextPath(next) });
  }

  @Post('check-email')
  async checkEmail(@Req() req: CockpitRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const form = formOf(req);
    const next = safeNextPath(form.next);
    const email = form.email ?? '';
    const again = (error: string, status: number) => this.ui.page(req, reply, 'auth/check-email', { title: 'Check your email', email, next, error }, status);
    let result;
    try {
      result = await this.verifyLogin.execute({ email, code: form.code ?? '', ip: clientIp(req), audience: 'cockpit' });
    } catch (error) {
      if (error instanceof InvalidInput) return again(GENERIC_CODE_ERROR, 400);
      throw error;
    }
    if (result.status === 'rate_limited') return again(RATE_LIMITED, 429);
    if (result.status === 'failed') return again(GENERIC_CODE_ERROR, 400);
    this.ui.setSessionCookie(reply, result.sessionToken);
    return this.ui.redirect(req, reply, next);
  }

  /** The magic link's landing page. GET never writes: only the button's POST signs in. */
  @Get('verify')
  magicLinkPage(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Query('email') email?: string, @Query('token') token?: string, @Query('next') next?: string): FastifyReply {
    const target = safeNextPath(next);
    if (typeof email !== 'string' || typeof token !== 'string' || !MAGIC_LINK_TOKEN.test(token)) {
      return this.ui.redirect(req, reply, `/auth/login?next=${encodeURIComponent(target)}`);
    }
    return this.ui.page(req, reply, 'auth/verify', { title: 'Operator sign-in', email, token, next: target });
  }

  @Post('verify')
  async magicLink(@Req() req: CockpitRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const form = formOf(req);
    const target = safeNextPath(form.next);
    try {
      const result = await this.verifyLogin.execute({ email: form.email ?? '', token: form.token ?? '', ip: clientIp(req), audience: 'cockpit' });
      if (result.status === 'ok') {
        this.ui.setSessionCookie(reply, result.sessionToken);
        return this.ui.redirect(req, reply, target);
      }
    } catch (error) {
      if (!isBssError(error)) throw error;
    }
    return this.ui.redirect(req, reply, `/auth/login?next=${encodeURIComponent(target)}&err=${encodeURIComponent('That sign-in link is no longer valid; ask for a new code.')}`);
  }

  @Post('logout')
  async signOut(@Req() req: CockpitRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const sessionId = req.cockpit.operator?.sessionId;
    if (sessionId) await this.logout.execute({ sessionId });
    this.ui.clearSessionCookie(reply);
    return this.ui.redirect(req, reply, '/auth/login?flash=Signed%20out');
  }
}
