/**
 * Every rule id the CRM context raises as a PolicyViolation (`<aggregate>.<verb>.<rule>`).
 * Unknown ids are `NotFound` and malformed input is `InvalidInput`, never a rule.
 */
export const CRM_RULES = {
  customerTransition: 'customer.transition.valid_from_state',
  organizationClosed: 'organization.update.not_closed',
  customerEmailUnique: 'customer.create.email_unique',
  customerRequiresContactMedium: 'customer.create.requires_contact_medium',
  customerNoActiveSubscriptions: 'customer.close.no_active_subscriptions',
  contactMediumEmailUnique: 'customer.contact_medium.email_unique',
  contactMediumEmailChangeFlow: 'customer.contact_medium.email_must_use_change_flow',
  contactMediumAlreadyRemoved: 'customer.contact_medium.already_removed',
  individualNoFields: 'customer.update_individual.no_fields',
  customerIsClosed: 'customer.update.customer_is_closed',
  kycDocumentRequired: 'customer.attest_kyc.document_required',
  kycAttestationTrusted: 'customer.attest_kyc.attestation_signature_valid',
  kycDocumentHashUnique: 'customer.attest_kyc.document_hash_unique_per_tenant',

  caseCustomerMustBeActive: 'case.open.customer_must_be_active',
  caseTransition: 'case.transition.valid_from_state',
  caseRequiresAllTicketsResolved: 'case.close.requires_all_tickets_resolved',
  caseRequiresResolutionCode: 'case.close.requires_resolution_code',
  caseUpdateClosed: 'case.update.case_is_closed',
  caseUpdateNoFields: 'case.update.no_fields',
  caseUpdateInvalidPriority: 'case.update.invalid_priority',
  caseNoteClosed: 'case.note.case_is_closed',

  ticketRequiresCustomer: 'ticket.open.requires_customer',
  ticketCustomerMatchesCase: 'ticket.open.customer_matches_case',
  ticketCaseIsClosed: 'ticket.open.case_is_closed',
  ticketAgentMustBeActive: 'ticket.assign.agent_must_be_active',
  ticketAssignTicketIsDone: 'ticket.assign.ticket_is_done',
  ticketAckRequiresAgent: 'ticket.ack.requires_agent',
  ticketTransition: 'ticket.transition.valid_from_state',
  ticketResolveRequiresNotes: 'ticket.resolve.requires_resolution_notes',
  ticketCancelNotIfResolved: 'ticket.cancel.not_if_resolved_or_closed',

  portDirectionValid: 'port.create.direction_valid',
  portTargetSubRequired: 'port.create.target_sub_required_for_port_out',
  portDonorUnique: 'port.create.donor_msisdn_unique_among_pending',
  portTransition: 'port_request.transition.valid',
  portRejectRequiresReason: 'port.reject.requires_reason',
} as const;
export type CrmRule = (typeof CRM_RULES)[keyof typeof CRM_RULES];
