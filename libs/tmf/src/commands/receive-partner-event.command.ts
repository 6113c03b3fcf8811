import { Injectable } from '@nestjs/common';
import { IsIn, IsObject, IsString, MaxLength, MinLength } from 'class-validator';
import { UnitOfWork } from '@bss/audit';
import { randomId, validateInput, Verb } from '@bss/platform';
import { HUB_APIS, type HubApi } from '#tmf/domain/hub-event';
import { ListenerInboxEntity } from '#tmf/domain/listener-inbox.entity';

export class ReceivePartnerEventInput {
  @IsIn(HUB_APIS) api!: HubApi;
  @IsString() @MinLength(1) @MaxLength(200) eventId!: string;
  @IsString() @MinLength(1) @MaxLength(200) eventType!: string;
  @IsObject({ message: 'event must be a JSON object' }) event!: Record<string, unknown>;
}

export interface ListenerInboxView {
  id: string;
  api: string;
  serviceIdentity: string;
  eventId: string;
  eventType: string;
  receivedAt: Date;
  /** False when the partner redelivered an event id it had already posted (stored once). */
  firstDelivery: boolean;
}

/**
 * A partner's notification to our client-side listener (TMF654 `POST /client/listener`): stored
 * in the inbox with the partner's identity, once per event id, and recorded on the audit log as
 * `partner_event.received` so an operator sees it (`bss audit list`). We act on nothing in it:
 * the listener contract is receipt, and no domain command follows from a partner's event yet.
 */
@Verb({
  name: 'partner_event.receive',
  input: ReceivePartnerEventInput,
  summary: 'Receive an event a partner posts to our TMF client listener',
  cliExempt: 'partners post events over the TMF listener endpoints only; operators read them on the audit log',
})
@Injectable()
export class ReceivePartnerEventCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: ReceivePartnerEventInput): Promise<ListenerInboxView> {
    const dto = await validateInput(ReceivePartnerEventInput, input);
    return this.uow.run(async (w) => {
      const key = { tenantId: w.auth.tenant, serviceIdentity: w.auth.serviceIdentity, api: dto.api, eventId: dto.eventId };
      const inserted: { id: string }[] = await w.tx.query(
        `insert into tmf.listener_inbox (id, tenant_id, api, service_identity, event_id, event_type, event, received_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (tenant_id, service_identity, api, event_id) do nothing returning id`,
        [randomId('INB'), key.tenantId, dto.api, key.serviceIdentity, dto.eventId, dto.eventType, dto.event, w.now],
      );
      const row = (await w.tx.findOneBy(ListenerInboxEntity, key))!;
      const view = { id: row.id, api: row.api, serviceIdentity: row.serviceIdentity, eventId: row.eventId, eventType: row.eventType, receivedAt: row.receivedAt, firstDelivery: inserted.length > 0 };
      if (view.firstDelivery) {
        await w.emit({ eventType: 'partner_event.received', aggregateType: 'partner_event', aggregateId: row.id, payload: { api: dto.api, eventId: dto.eventId, eventType: dto.eventType, event: dto.event } });
      }
      return view;
    });
  }
}
