import { Injectable } from '@nestjs/common';
import { IsIn, Matches } from 'class-validator';
import { UnitOfWork } from '@bss/audit';
import { NotFound, validateInput, Verb } from '@bss/platform';
import { HUB_APIS, type HubApi } from '#tmf/domain/hub-event';
import { HubListenerEntity } from '#tmf/domain/hub-listener.entity';

export class UnregisterHubListenerInput {
  @IsIn(HUB_APIS) api!: HubApi;
  @Matches(/^HUB-[0-9a-f]{8}$/, { message: 'id must look like HUB-3f9a0c12' }) id!: string;
}

/** TMF688 `DELETE /hub/{id}`: only the partner that registered it; queued deliveries to it are dropped when they run. */
@Verb({ name: 'hub_listener.unregister', input: UnregisterHubListenerInput, summary: 'Remove a partner event listener (TMF688 hub)', cliExempt: 'partners unregister over the TMF APIs only' })
@Injectable()
export class UnregisterHubListenerCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: UnregisterHubListenerInput): Promise<void> {
    const dto = await validateInput(UnregisterHubListenerInput, input);
    await this.uow.run(async (w) => {
      const deleted = await w.tx.delete(HubListenerEntity, { id: dto.id, api: dto.api, tenantId: w.auth.tenant, serviceIdentity: w.auth.serviceIdentity });
      if (!deleted.affected) throw new NotFound('hub_listener', dto.id, { api: dto.api });
      await w.emit({ eventType: 'hub_listener.unregistered', aggregateType: 'hub_listener', aggregateId: dto.id, payload: { api: dto.api } });
    });
  }
}
