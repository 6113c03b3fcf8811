import type { AgentRole, TicketType } from './crm.values';

export interface AgentSeed {
  id: string;
  name: string;
  email: string;
  role: AgentRole;
}

/** §9: all active. */
export const SEED_AGENTS: readonly AgentSeed[] = [
  { id: 'AGT-001', name: 'Alice Tan', email: 'alice.tan@bss-cli.local', role: 'csr' },
  { id: 'AGT-002', name: 'Bob Lim', email: 'bob.lim@bss-cli.local', role: 'csr' },
  { id: 'AGT-003', name: 'Carol Ng', email: 'carol.ng@bss-cli.local', role: 'supervisor' },
  { id: 'AGT-004', name: 'Dave Koh', email: 'dave.koh@bss-cli.local', role: 'engineer' },
  { id: 'AGT-SYS', name: 'System', email: 'system@bss-cli.local', role: 'system' },
];

export const SYSTEM_AGENT_ID = 'AGT-SYS';

/** §9 SLA targets in minutes per ticket type and priority. */
export const SLA_TARGETS: Readonly<Partial<Record<TicketType, Readonly<Record<'low' | 'normal' | 'high' | 'urgent', number>>>>> = {
  billing_dispute: { low: 2880, normal: 1440, high: 480, urgent: 120 },
  service_outage: { low: 480, normal: 240, high: 60, urgent: 30 },
  configuration: { low: 2880, normal: 1440, high: 720, urgent: 240 },
};

export interface SlaPolicySeed {
  id: string;
  ticketType: TicketType;
  priority: string;
  targetMinutes: number;
}

export function slaPolicySeeds(): SlaPolicySeed[] {
  return Object.entries(SLA_TARGETS).flatMap(([ticketType, targets]) =>
    Object.entries(targets ?? {}).map(([priority, targetMinutes]) => ({
      id: `SLA_${ticketType.toUpperCase()}_${priority.toUpperCase()}`,
      ticketType: ticketType as TicketType,
      priority,
      targetMinutes,
    })),
  );
}
