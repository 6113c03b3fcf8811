import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Res, type Type } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { HubQueries, RegisterHubListenerCommand, UnregisterHubListenerCommand, UpdateHubListenerCommand, type HubApi, type HubListenerView } from '@bss/tmf';
import { created, objectBody, type TmfResource } from '#tmf-api/tmf/tmf-list';
import { TmfOperation } from '#tmf-api/tmf/tmf-operation.decorator';
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

/**
 * The official operationIds of each API's hub operations; absent where the official document has
 * no such operation (TMF622 v4 defines no hub at all): those routes are our additions.
 */
const HUB_OPERATIONS: Record<HubApi, { create?: string; list?: string; get?: string; update?: string; remove?: string }> = {
  productCatalog: { create: 'registerListener', remove: 'unregisterListener' },
  productOrdering: {},
  party: { create: 'registerListener', remove: 'unregisterListener' },
  serviceOrdering: { create: 'hubCreate', list: 'hubFind', get: 'hubGet', update: 'hubUpdate', remove: 'hubDelete' },
  prepayBalance: { create: 'createNotification', remove: 'deleteNotification' },
  usageConsumption: { create: 'registerListener', remove: 'unregisterListener' },
};

/** TMF641 names the path parameter `hubId`; the others `id`. */
const HUB_ID_PARAM: Partial<Record<HubApi, string>> = { serviceOrdering: 'hubId' };

const operation = (operationId: string | undefined): MethodDecorator => (operationId ? TmfOperation(operationId) : () => undefined);

/** One `hub` resource per API, at that API's base path (the official documents each define their own). */
function hubController(api: HubApi, base: string): Type<unknown> {
  const ids = HUB_OPERATIONS[api];
  const idParam = HUB_ID_PARAM[api] ?? 'id';
  @Controller(base)
  class HubController {
    constructor(
      readonly register: RegisterHubListenerCommand,
      readonly update: UpdateHubListenerCommand,
      readonly unregister: UnregisterHubListenerCommand,
      readonly hubs: HubQueries,
    ) {}

    @Post('hub')
    @operation(ids.create)
    async create(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
      const { callback, query } = objectBody(body);
      return created(reply, toEventSubscription(base, await this.register.execute({ api, callback: callback as string, ...(query === undefined ? {} : { query: query as string }) })));
    }

    @Get('hub')
    @operation(ids.list)
    async list() {
      return (await this.hubs.list(api)).map((l) => toEventSubscription(base, l));
    }

    @Get(`hub/:${idParam}`)
    @operation(ids.get)
    async get(@Param(idParam) id: string) {
      return toEventSubscription(base, await this.hubs.get(api, id));
    }

    /** Replaces callback and query; the id and signing secret stay. */
    @Put(`hub/:${idParam}`)
    @operation(ids.update)
    async replace(@Param(idParam) id: string, @Body() body: unknown) {
      const { callback, query } = objectBody(body);
      return toEventSubscription(base, await this.update.execute({ api, id, callback: callback as string, ...(query === undefined ? {} : { query: query as string }) }));
    }

    @Delete(`hub/:${idParam}`)
    @operation(ids.remove)
    @HttpCode(204)
    async remove(@Param(idParam) id: string): Promise<void> {
      await this.unregister.execute({ api, id });
    }
  }
  Object.defineProperty(HubController, 'name', { value: `${api[0].toUpperCase()}${api.slice(1)}HubController` });
  return HubController;
}

export const HUB_CONTROLLERS: Type<unknown>[] = (Object.entries(TMF_BASE) as [HubApi, string][]).map(([api, base]) => hubController(api, base));
