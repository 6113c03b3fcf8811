import { Injectable } from '@nestjs/common';
import { IsIn, IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import { UnitOfWork } from '@bss/audit';
import { NotFound, validateInput, Verb } from '@bss/platform';
import { HUB_APIS, type HubApi } from '#tmf/domain/hub-event';
import { HubListenerEntity } from '#tmf/domain/hub-listener.entity';
import type { HubListenerView } from '#tmf/commands/register-hub-listener.command';

export class UpdateHubListenerInput {
  @IsIn(HUB_APIS) api!: HubApi;
  @Matches(/^HUB-[0-9a-f]{8}$/, { message: 'id must look like HUB-3f9a0c12' }) id!: string;
  @IsString() @MaxLength(2000) @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'callback must be an http(s) URL' })
  callback!: string;
  @IsOptional() @IsString() @MaxLength(500) query?: string;
}

/**
 * TMF641 `PUT /hub/{hubId}`: replaces a listener's callback and query in place. Its id and
 * signing secret stay, so deliveries already queued go to the new callback, still signed alike.
 */
@Verb({ name: 'hub_listener.update', input: UpdateHubListenerInput, summary: 'Replace a partner event listener’s callback and query (TMF688 hub)', cliExempt: 'partners manage listeners over the TMF APIs only' })
@Injectable()
export class UpdateHubListenerCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: UpdateHubListenerInput): Promise<HubListenerView> {
    const dto = await validateInput(UpdateHubListenerInput, input);
    return this.uow.run(async (w) => {
      const listener = await w.tx.findOne(HubListenerEntity, {
        where: { id: dto.id, api: dto.api, tenantId: w.auth.tenant, serviceIdentity: w.auth.serviceIdentity },
        lock: { mode: 'pessimistic_write' },
      });
      if (!listener) throw new NotFound('hub_listener', dto.id, { api: dto.api });
      listener.callback = dto.callback;
      listener.query = dto.query ?? null;
      await w.tx.save(listener);
      await w.emit({ eventType: 'hub_listener.updated', aggregateType: 'hub_listener', aggregateId: listener.id, payload: { api: dto.api, callback: dto.callback, query: listener.query } });
      return { id: listener.id, api: dto.api, callback: listener.callback, query: listener.query };
    });
  }
}
