import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { IsIn, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { UnitOfWork } from '@bss/audit';
import { randomId, validateInput, Verb } from '@bss/platform';
import { HUB_APIS, type HubApi } from '#tmf/domain/hub-event';
import { HubListenerEntity } from '#tmf/domain/hub-listener.entity';

export class RegisterHubListenerInput {
  @IsIn(HUB_APIS) api!: HubApi;
  @IsString() @MaxLength(2000) @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'callback must be an http(s) URL' })
  callback!: string;
  @IsOptional() @IsString() @MaxLength(500) query?: string;
}

export interface HubListenerView {
  id: string;
  api: HubApi;
  callback: string;
  query: string | null;
  /** Only in the registration answer: the key of the `X-BSS-Signature` HMAC. */
  signingSecret?: string;
}

/** TMF688 `POST /hub`: a partner callback for one API's events, signed with a secret shown once. */
@Verb({ name: 'hub_listener.register', input: RegisterHubListenerInput, summary: 'Register a partner event listener (TMF688 hub)', cliExempt: 'partners register over the TMF APIs only' })
@Injectable()
export class RegisterHubListenerCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: RegisterHubListenerInput): Promise<HubListenerView> {
    const dto = await validateInput(RegisterHubListenerInput, input);
    return this.uow.run(async (w) => {
      const listener: HubListenerEntity = {
        id: randomId('HUB'),
        tenantId: w.auth.tenant,
        api: dto.api,
        callback: dto.callback,
        query: dto.query ?? null,
        signingSecret: randomBytes(32).toString('hex'),
        serviceIdentity: w.auth.serviceIdentity,
        createdAt: w.now,
      };
      await w.tx.insert(HubListenerEntity, listener);
      await w.emit({ eventType: 'hub_listener.registered', aggregateType: 'hub_listener', aggregateId: listener.id, payload: { api: dto.api, callback: dto.callback, query: listener.query } });
      return { id: listener.id, api: dto.api, callback: listener.callback, query: listener.query, signingSecret: listener.signingSecret };
    });
  }
}
