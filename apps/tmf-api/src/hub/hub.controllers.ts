import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res, type Type } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { HubQueries, RegisterHubListenerCommand, UnregisterHubListenerCommand, type HubApi, type HubListenerView } from '@bss/tmf';
import { created, objectBody, type TmfResource } from '#tmf-api/tmf/tmf-list';
import { TMF_BASE } from '#tmf-api/tmf/tmf-paths';

/** TMF688 EventSubscription; `signingSecret` (an addition) is present only in the registration answer. */
function toEventSubscription(base: string, l: HubListenerView): TmfResource {
  return {
    id: l.id,
    href: `${base}/hub/${l.id}`,
    '@type': 'EventSubscription',
    callback: l.callback,
    ...(l.query ? { query: l.query } : {}),
    ...(l.signingSecret ? { signingSecret: l.signingSecret, signatureHeader: 'X-BSS-Signature: sha256=<hex HMAC-SHA256 of the body>' } : {}),
  };
}

/** One `hub` resource per API, at that API's base path (the official documents each define their own). */
function hubController(api: HubApi, base: string): Type<unknown> {
  @Controller(base)
  class HubController {
    constructor(
      readonly register: RegisterHubListenerCommand,
      readonly unregister: UnregisterHubListenerCommand,
      readonly hubs: HubQueries,
    ) {}

    @Post('hub')
    async create(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
      const { callback, query } = objectBody(body);
      return created(reply, toEventSubscription(base, await this.register.execute({ api, callback: callback as string, ...(query === undefined ? {} : { query: query as string }) })));
    }

    @Get('hub')
    async list() {
      return (await this.hubs.list(api)).map((l) => toEventSubscription(base, l));
    }

    @Get('hub/:id')
    async get(@Param('id') id: string) {
      return toEventSubscription(base, await this.hubs.get(api, id));
    }

    @Delete('hub/:id')
    @HttpCode(204)
    async remove(@Param('id') id: string): Promise<void> {
      await this.unregister.execute({ api, id });
    }
  }
  Object.defineProperty(HubController, 'name', { value: `${api[0].toUpperCase()}${api.slice(1)}HubController` });
  return HubController;
}

export const HUB_CONTROLLERS: Type<unknown>[] = (Object.entries(TMF_BASE) as [HubApi, string][]).map(([api, base]) => hubController(api, base));
