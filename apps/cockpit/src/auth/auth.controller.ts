import { Post, Req, Res } from '@nestjs/common';
import { RevokeSessionCommand, safeNextPath, StartLoginCommand, VerifyLoginCommand } from '@bss/identity';
import { EmailSignInController, type SignInCommands, type SignInSettings } from '@bss/web';
import type { CockpitRequest, FastifyReply } from '#cockpit/http/cockpit-request';
import { CockpitController, SignedOut } from '#cockpit/http/cockpit-routes';
import { CockpitUi } from '#cockpit/http/cockpit-ui';

const SETTINGS: SignInSettings = {
  title: 'Operator sign-in',
  audience: 'cockpit',
  linkInvalidErr: 'That sign-in link is no longer valid; ask for a new code.',
  safeNextPath,
};

/**
 * Operator sign-in: the portal's routes, forms and code (`EmailSignInController`) with audience
 * `cockpit`, so only active operators get a code and the session opens only the cockpit.
 */
@CockpitController('auth')
@SignedOut()
export class AuthController extends EmailSignInController<CockpitRequest> {
  protected readonly settings = SETTINGS;
  protected readonly commands: SignInCommands;

  constructor(
    protected readonly ui: CockpitUi,
    startLogin: StartLoginCommand,
    verifyLogin: VerifyLoginCommand,
    private readonly logout: RevokeSessionCommand,
  ) {
    super();
    this.commands = { startLogin, verifyLogin };
  }

  protected isSignedIn(req: CockpitRequest): boolean {
    return !!req.cockpit.operator;
  }

  @Post('logout')
  async signOut(@Req() req: CockpitRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const sessionId = req.cockpit.operator?.sessionId;
    if (sessionId) await this.logout.execute({ sessionId });
    this.ui.clearSessionCookie(reply);
    return this.ui.redirect(req, reply, '/auth/login?flash=Signed%20out');
  }
}
