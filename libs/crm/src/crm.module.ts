import { Module } from '@nestjs/common';
import { defineContext, type ForgetFootprint, type Tx } from '@bss/platform';
import { InventoryModule } from '@bss/inventory';
import { NoteCaseCommand } from './commands/note-case.command';
import { AddContactMediumCommand } from './commands/add-contact-medium.command';
import { ApprovePortRequestCommand } from './commands/approve-port-request.command';
import { AssignTicketCommand } from './commands/assign-ticket.command';
import { AttestKycCommand } from './commands/attest-kyc.command';
import { ChangeCustomerStatusCommand } from './commands/change-customer-status.command';
import { CloseCaseCommand } from './commands/close-case.command';
import { CreateCustomerCommand } from './commands/create-customer.command';
import { CreatePortRequestCommand } from './commands/create-port-request.command';
import { InteractionLog } from './commands/interaction-log';
import { LogInteractionCommand } from './commands/log-interaction.command';
import { OpenCaseCommand } from './commands/open-case.command';
import { OpenCaseFromChatCommand } from './commands/open-case-from-chat.command';
import { OpenTicketCommand } from './commands/open-ticket.command';
import { RejectPortRequestCommand } from './commands/reject-port-request.command';
import { RemoveContactMediumCommand } from './commands/remove-contact-medium.command';
import { TransitionCaseCommand } from './commands/transition-case.command';
import { TransitionTicketCommand } from './commands/transition-ticket.command';
import { AckTicketCommand } from './commands/ack-ticket.command';
import { StartTicketCommand } from './commands/start-ticket.command';
import { ResolveTicketCommand } from './commands/resolve-ticket.command';
import { CloseTicketCommand } from './commands/close-ticket.command';
import { CancelTicketCommand } from './commands/cancel-ticket.command';
import { UpdateCaseCommand } from './commands/update-case.command';
import { UpdateContactMediumCommand } from './commands/update-contact-medium.command';
import { SetCustomerPostalAddressCommand } from './commands/set-customer-postal-address.command';
import { UpdateIndividualCommand } from './commands/update-individual.command';
import { CreateOrganizationCommand } from './commands/create-organization.command';
import { UpdateOrganizationCommand } from './commands/update-organization.command';
import { CloseOrganizationCommand } from './commands/close-organization.command';
import { OrganizationEntity, OrganizationMemberEntity } from './domain/organization.entity';
import { OrganizationQueries } from './queries/organization.queries';
import { AgentEntity } from './domain/agent.entity';
import { CaseEntity, CaseNoteEntity } from './domain/case.entity';
import { ContactMediumEntity } from './domain/contact-medium.entity';
import { SEED_AGENTS, slaPolicySeeds } from './domain/crm.seed-data';
import { CustomerIdentityEntity } from './domain/customer-identity.entity';
import { CustomerEntity } from './domain/customer.entity';
import { InteractionEntity } from './domain/interaction.entity';
import { IndividualEntity, PartyEntity } from './domain/party.entity';
import { PortRequestEntity } from './domain/port-request.entity';
import { SlaPolicyEntity } from './domain/sla-policy.entity';
import { TicketEntity, TicketHistoryEntity } from './domain/ticket.entity';
import { CustomerLinesPort } from './ports/customer-lines.port';
import { FirstCardPort } from './ports/first-card.port';
import { KycCorroborationPort } from './ports/kyc-corroboration.port';
import { AgentQueries } from './queries/agent.queries';
import { CaseQueries } from './queries/case.queries';
import { CustomerQueries } from './queries/customer.queries';
import { InteractionQueries } from './queries/interaction.queries';
import { PortRequestQueries } from './queries/port-request.queries';
import { TicketQueries } from './queries/ticket.queries';

/** Agents and SLA policies (§9); re-running inserts nothing. */
async function seedCrm(tx: Tx, log: (line: string) => void): Promise<void> {
  let agents = 0;
  for (const a of SEED_AGENTS) {
    const rows = (await tx.query(
      `insert into crm.agent (id, name, email, role, status) values ($1, $2, $3, $4, 'active') on conflict do nothing returning id`,
      [a.id, a.name, a.email, a.role],
    )) as unknown[];
    agents += rows.length;
  }
  let policies = 0;
  for (const p of slaPolicySeeds()) {
    const rows = (await tx.query(
      `insert into crm.sla_policy (id, ticket_type, priority, target_minutes) values ($1, $2, $3, $4) on conflict do nothing returning id`,
      [p.id, p.ticketType, p.priority, p.targetMinutes],
    )) as unknown[];
    policies += rows.length;
  }
  log(`${agents} agents and ${policies} SLA policies added`);
}

/** `bss admin reset`: every customer-side row goes; agents and SLA policies stay. */
async function resetCrm(tx: Tx): Promise<void> {
  for (const table of [
    'crm.organization_member',
    'crm.organization',
    'crm.ticket_history',
    'crm.ticket',
    'crm.case_note',
    'crm."case"',
    'crm.interaction',
    'crm.customer_identity',
    'crm.contact_medium',
    'crm.customer',
    'crm.individual',
    'crm.party',
    'crm.port_request',
  ]) {
    await tx.query(`delete from ${table}`);
  }
}

/** Everything hanging off the customers — cases, tickets, interactions, identity, contacts — then them and their party. */
async function forgetCrmCustomers(tx: Tx, { customerIds }: ForgetFootprint): Promise<Record<string, number>> {
  const [ids] = (await tx.query(
    `select coalesce((select array_agg(id) from crm."case" where customer_id = any($1)), '{}') as cases,
            coalesce((select array_agg(id) from crm.ticket where customer_id = any($1)), '{}') as tickets,
            coalesce((select array_agg(party_id) from crm.customer where id = any($1)), '{}') as parties`,
    [customerIds],
  )) as { cases: string[]; tickets: string[]; parties: string[] }[];
  const children: [string, unknown[]][] = [
    [`delete from crm.organization_member where customer_id = any($1)`, [customerIds]],
    [`delete from crm.ticket_history where ticket_id = any($1)`, [ids.tickets]],
    [`delete from crm.interaction where customer_id = any($1)`, [customerIds]],
    [`delete from crm.ticket where id = any($1)`, [ids.tickets]],
    [`delete from crm.case_note where case_id = any($1)`, [ids.cases]],
    [`delete from crm."case" where id = any($1)`, [ids.cases]],
    [`delete from crm.customer_identity where customer_id = any($1)`, [customerIds]],
    [`delete from crm.contact_medium where party_id = any($1)`, [ids.parties]],
  ];
  for (const [sql, params] of children) await tx.query(sql, params);
  // TypeORM answers a DELETE with [rows, count]; counting in SQL keeps the shape a plain row.
  const [{ customers }] = (await tx.query(`with gone as (delete from crm.customer where id = any($1) returning 1) select count(*)::int as customers from gone`, [customerIds])) as { customers: number }[];
  await tx.query(`delete from crm.individual where party_id = any($1)`, [ids.parties]);
  await tx.query(`delete from crm.party where id = any($1)`, [ids.parties]);
  return { customers, cases: ids.cases.length };
}

/** Port requests from one donor carrier (they hang off no customer): the demo's marker for its own. */
export async function forgetPortRequestsFromCarrier(tx: Tx, donorCarrier: string): Promise<number> {
  const [{ removed }] = (await tx.query(`with gone as (delete from crm.port_request where donor_carrier = $1 returning 1) select count(*)::int as removed from gone`, [donorCarrier])) as { removed: number }[];
  return removed;
}

export const CRM_CONTEXT = defineContext({
  name: 'crm',
  entities: [
    PartyEntity,
    IndividualEntity,
    ContactMediumEntity,
    CustomerEntity,
    CustomerIdentityEntity,
    InteractionEntity,
    AgentEntity,
    SlaPolicyEntity,
    CaseEntity,
    CaseNoteEntity,
    TicketEntity,
    TicketHistoryEntity,
    PortRequestEntity,
    OrganizationEntity,
    OrganizationMemberEntity,
  ],
  seed: seedCrm,
  seedOrder: 20,
  reset: resetCrm,
  resetOrder: 80,
  forgetCustomers: forgetCrmCustomers,
  forgetOrder: 80,
});

const COMMANDS = [
  CreateOrganizationCommand,
  UpdateOrganizationCommand,
  CloseOrganizationCommand,
  CreateCustomerCommand,
  UpdateIndividualCommand,
  AddContactMediumCommand,
  UpdateContactMediumCommand,
  SetCustomerPostalAddressCommand,
  RemoveContactMediumCommand,
  ChangeCustomerStatusCommand,
  AttestKycCommand,
  LogInteractionCommand,
  OpenCaseCommand,
  OpenCaseFromChatCommand,
  TransitionCaseCommand,
  NoteCaseCommand,
  UpdateCaseCommand,
  CloseCaseCommand,
  OpenTicketCommand,
  AssignTicketCommand,
  TransitionTicketCommand,
  AckTicketCommand,
  StartTicketCommand,
  ResolveTicketCommand,
  CloseTicketCommand,
  CancelTicketCommand,
  CreatePortRequestCommand,
  ApprovePortRequestCommand,
  RejectPortRequestCommand,
];

const QUERIES = [OrganizationQueries, CustomerQueries, CaseQueries, TicketQueries, InteractionQueries, AgentQueries, PortRequestQueries];

const SERVICES = [InteractionLog, CustomerLinesPort, KycCorroborationPort, FirstCardPort];

/** Port approvals write the MSISDN pool through inventory's commands. */
@Module({
  imports: [InventoryModule],
  providers: [...COMMANDS, ...QUERIES, ...SERVICES],
  exports: [...COMMANDS, ...QUERIES, ...SERVICES],
})
export class CrmModule {}
