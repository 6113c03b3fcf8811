import { NotFound } from '@bss/platform';
import type { WriteScope } from '@bss/audit';
import { AgentEntity } from '#crm/domain/agent.entity';
import { CaseEntity } from '#crm/domain/case.entity';
import { CustomerEntity } from '#crm/domain/customer.entity';
import { PortRequestEntity } from '#crm/domain/port-request.entity';
import { TicketEntity } from '#crm/domain/ticket.entity';

// Loaders for the aggregates a write changes: tenant-scoped, row-locked for the rest of the
// transaction, NotFound naming the id when absent.

export async function lockCustomer(w: WriteScope, customerId: string): Promise<CustomerEntity> {
  const row = await w.tx.findOne(CustomerEntity, { where: { id: customerId, tenantId: w.auth.tenant }, lock: { mode: 'pessimistic_write' } });
  if (!row) throw new NotFound('customer', customerId);
  return row;
}

export async function lockCase(w: WriteScope, caseId: string): Promise<CaseEntity> {
  const row = await w.tx.findOne(CaseEntity, { where: { id: caseId, tenantId: w.auth.tenant }, lock: { mode: 'pessimistic_write' } });
  if (!row) throw new NotFound('case', caseId);
  return row;
}

export async function lockTicket(w: WriteScope, ticketId: string): Promise<TicketEntity> {
  const row = await w.tx.findOne(TicketEntity, { where: { id: ticketId, tenantId: w.auth.tenant }, lock: { mode: 'pessimistic_write' } });
  if (!row) throw new NotFound('ticket', ticketId);
  return row;
}

export async function lockPortRequest(w: WriteScope, portRequestId: string): Promise<PortRequestEntity> {
  const row = await w.tx.findOne(PortRequestEntity, {
    where: { id: portRequestId, tenantId: w.auth.tenant },
    lock: { mode: 'pessimistic_write' },
  });
  if (!row) throw new NotFound('port request', portRequestId);
  return row;
}

export async function findAgent(w: WriteScope, agentId: string): Promise<AgentEntity> {
  const row = await w.tx.findOne(AgentEntity, { where: { id: agentId, tenantId: w.auth.tenant } });
  if (!row) throw new NotFound('agent', agentId);
  return row;
}

/** True when `error` is Postgres' unique violation of `constraint` (a race the pre-check lost). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } })?.driverError ?? (error as { code?: string; constraint?: string });
  return driverError?.code === '23505' && driverError.constraint === constraint;
}
