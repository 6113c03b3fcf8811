export * from './crm.module';
export * from './crm.errors';
export * from './domain/crm.values';
export * from './domain/customer.state';
export * from './domain/case.state';
export * from './domain/ticket.state';
export * from './domain/port-request.state';
export * from './domain/port-out-approved.job';
export type { CustomerView, ContactMediumView } from './domain/customer.view';
export type { CaseView, CaseNoteView, CaseDetailView } from './domain/case.view';
export type { TicketView, TicketHistoryView, TicketDetailView } from './domain/ticket.view';
export type { InteractionView } from './domain/interaction.view';
export type { AgentView } from './domain/agent.view';
export type { PortRequestView } from './domain/port-request.view';
export { SEED_AGENTS, SYSTEM_AGENT_ID, SLA_TARGETS } from './domain/crm.seed-data';

export { InteractionLog, type InteractionRecordInput } from './commands/interaction-log';
export { CreateCustomerCommand, CreateCustomerInput, type CreateCustomerResult } from './commands/create-customer.command';
export { UpdateIndividualCommand, UpdateIndividualInput } from './commands/update-individual.command';
export { AddContactMediumCommand, AddContactMediumInput } from './commands/add-contact-medium.command';
export { UpdateContactMediumCommand, UpdateContactMediumInput } from './commands/update-contact-medium.command';
export { SetCustomerPostalAddressCommand, SetCustomerPostalAddressInput } from './commands/set-customer-postal-address.command';
export { RemoveContactMediumCommand, RemoveContactMediumInput } from './commands/remove-contact-medium.command';
export {
  ChangeCustomerStatusCommand,
  ChangeCustomerStatusInput,
  CUSTOMER_TARGET_STATUSES,
  type CustomerTargetStatus,
} from './commands/change-customer-status.command';
export { AttestKycCommand, AttestKycInput, prebakedAttestationsAllowed } from './commands/attest-kyc.command';
export { LogInteractionCommand, LogInteractionInput } from './commands/log-interaction.command';
export { OpenCaseCommand, OpenCaseInput } from './commands/open-case.command';
export {
  OpenCaseFromChatCommand,
  OpenCaseFromChatInput,
  CHAT_ESCALATION_CATEGORIES,
  CHAT_ESCALATION_CASE,
  type ChatEscalationCategory,
} from './commands/open-case-from-chat.command';
export {
  TransitionCaseCommand,
  TransitionCaseInput,
  CASE_TRANSITION_TRIGGERS,
  type CaseTransitionTrigger,
} from './commands/transition-case.command';
export { NoteCaseCommand, NoteCaseInput } from './commands/note-case.command';
export { UpdateCaseCommand, UpdateCaseInput } from './commands/update-case.command';
export { CloseCaseCommand, CloseCaseInput } from './commands/close-case.command';
export { OpenTicketCommand, OpenTicketInput } from './commands/open-ticket.command';
export { AssignTicketCommand, AssignTicketInput } from './commands/assign-ticket.command';
export { TransitionTicketCommand, TransitionTicketInput } from './commands/transition-ticket.command';
export { AckTicketCommand, AckTicketInput } from './commands/ack-ticket.command';
export { StartTicketCommand, StartTicketInput } from './commands/start-ticket.command';
export { ResolveTicketCommand, ResolveTicketInput } from './commands/resolve-ticket.command';
export { CloseTicketCommand, CloseTicketInput } from './commands/close-ticket.command';
export { CancelTicketCommand, CancelTicketInput } from './commands/cancel-ticket.command';
export { CreatePortRequestCommand, CreatePortRequestInput } from './commands/create-port-request.command';
export { ApprovePortRequestCommand, ApprovePortRequestInput } from './commands/approve-port-request.command';
export { RejectPortRequestCommand, RejectPortRequestInput } from './commands/reject-port-request.command';

export {
  CustomerQueries,
  CUSTOMER_360_INTERACTIONS,
  type CustomerListFilter,
  type Customer360View,
  type Customer360Case,
  type CaseSummaryView,
  type CustomerWithActivityView,
  type InteractionSummaryView,
} from './queries/customer.queries';
export { CaseQueries, type CaseListFilter } from './queries/case.queries';
export { TicketQueries, type TicketListFilter } from './queries/ticket.queries';
export { InteractionQueries } from './queries/interaction.queries';
export { AgentQueries } from './queries/agent.queries';
export { PortRequestQueries, type PortRequestListFilter } from './queries/port-request.queries';

export { CustomerLinesPort, type LiveLineLookup } from './ports/customer-lines.port';
export { FirstCardPort, type FirstCardAttach } from './ports/first-card.port';
export { KycCorroborationPort, type CorroborationLookup } from './ports/kyc-corroboration.port';
export type { KycCorroboration } from './policies/kyc.policies';
export { fingerprintDocument, type DocumentFingerprint } from './domain/kyc-document';
export { CreateOrganizationCommand, CreateOrganizationInput } from './commands/create-organization.command';
export { UpdateOrganizationCommand, UpdateOrganizationInput } from './commands/update-organization.command';
export { CloseOrganizationCommand, CloseOrganizationInput } from './commands/close-organization.command';
export { OrganizationMemberInput } from './commands/organization-members';
export { OrganizationQueries } from './queries/organization.queries';
export { ORGANIZATION_STATUSES, type OrganizationStatus } from './domain/organization.entity';
export type { OrganizationView, OrganizationMemberView } from './domain/organization.view';
