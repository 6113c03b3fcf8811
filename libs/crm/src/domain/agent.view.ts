import type { AgentEntity } from './agent.entity';
import type { AgentRole, AgentStatus } from './crm.values';

export interface AgentView {
  id: string;
  name: string;
  email: string;
  role: AgentRole;
  status: AgentStatus;
}

export function toAgentView(a: AgentEntity): AgentView {
  return { id: a.id, name: a.name, email: a.email, role: a.role, status: a.status };
}
