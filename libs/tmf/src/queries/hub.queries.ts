import { Injectable } from '@nestjs/common';
import { Database, NotFound } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import type { HubApi } from '#tmf/domain/hub-event';
import { HubListenerEntity } from '#tmf/domain/hub-listener.entity';
import type { HubListenerView } from '#tmf/commands/register-hub-listener.command';

/** A partner sees only the listeners it registered (their callbacks name its systems). */
@Injectable()
export class HubQueries {
  constructor(private readonly db: Database) {}

  private owner(): { tenantId: string; serviceIdentity: string } {
    const auth = currentAuth();
    return { tenantId: auth.tenant, serviceIdentity: auth.serviceIdentity };
  }

  async get(api: HubApi, id: string): Promise<HubListenerView> {
    const l = await this.db.manager.findOneBy(HubListenerEntity, { id, api, ...this.owner() });
    if (!l) throw new NotFound('hub_listener', id, { api });
    return { id: l.id, api: l.api as HubApi, callback: l.callback, query: l.query };
  }

  async list(api: HubApi): Promise<HubListenerView[]> {
    const rows = await this.db.manager.find(HubListenerEntity, { where: { api, ...this.owner() }, order: { createdAt: 'ASC' } });
    return rows.map((l) => ({ id: l.id, api: l.api as HubApi, callback: l.callback, query: l.query }));
  }
}
