import { Injectable } from '@nestjs/common';
import { Database, NotFound } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { AgentEntity } from '#crm/domain/agent.entity';
import { toAgentView, type AgentView } from '#crm/domain/agent.view';

@Injectable()
export class AgentQueries {
  constructor(private readonly db: Database) {}

  async get(agentId: string): Promise<AgentView> {
    const agent = await this.db.manager.findOne(AgentEntity, { where: { id: agentId, tenantId: currentAuth().tenant } });
    if (!agent) throw new NotFound('agent', agentId);
    return toAgentView(agent);
  }

  async list(): Promise<AgentView[]> {
    const rows = await this.db.manager.find(AgentEntity, { where: { tenantId: currentAuth().tenant }, order: { id: 'ASC' } });
    return rows.map(toAgentView);
  }
}
