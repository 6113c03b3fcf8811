import { Get, Req, Res } from '@nestjs/common';
import { Gate, PortalController } from '#portal-self-serve/http/gates';
import type { FastifyReply, PortalRequest } from '#portal-self-serve/http/portal-request';
import { PortalUi } from '#portal-self-serve/http/portal-ui';
import { PlanCardsCache } from './plan-cards.cache';

/** The public face: landing page, plans, legal pages. */
@PortalController()
@Gate('public')
export class PublicController {
  constructor(
    private readonly ui: PortalUi,
    private readonly planCards: PlanCardsCache,
  ) {}

  /** The landing page a signed-out visitor at `/` is sent to: what it costs and one clear next step. */
  @Get('welcome')
  async welcome(@Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const plans = await this.planCards.cards();
    return this.ui.page(req, reply, 'public/welcome', { title: 'Welcome', plans });
  }

  /** Help & contact, linked from every page's footer. */
  @Get('help')
  help(@Req() req: PortalRequest, @Res() reply: FastifyReply): FastifyReply {
    return this.ui.page(req, reply, 'public/help', { title: 'Help & contact' });
  }

  @Get('plans')
  async plans(@Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const plans = await this.planCards.cards();
    return this.ui.view(req, reply, { page: 'public/plans', fragment: 'public/_plan-cards' }, { title: 'Plans', plans });
  }

  @Get('terms')
  terms(@Req() req: PortalRequest, @Res() reply: FastifyReply): FastifyReply {
    return this.ui.page(req, reply, 'public/terms', { title: 'Terms' });
  }

  @Get('privacy')
  privacy(@Req() req: PortalRequest, @Res() reply: FastifyReply): FastifyReply {
    return this.ui.page(req, reply, 'public/privacy', { title: 'Privacy' });
  }
}
