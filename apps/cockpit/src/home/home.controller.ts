import { Get, Req, Res } from '@nestjs/common';
import type { CockpitRequest, FastifyReply } from '#cockpit/http/cockpit-request';
import { CockpitController } from '#cockpit/http/cockpit-routes';
import { CockpitUi } from '#cockpit/http/cockpit-ui';

/** The front door: the sessions index once conversations are wired; search and queues meanwhile. */
@CockpitController()
export class HomeController {
  constructor(private readonly ui: CockpitUi) {}

  @Get()
  home(@Req() req: CockpitRequest, @Res() reply: FastifyReply): FastifyReply {
    return this.ui.page(req, reply, 'home/home', { title: 'Cockpit' });
  }
}
