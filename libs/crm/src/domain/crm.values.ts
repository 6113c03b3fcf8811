/** Value unions of the CRM context: one list per concept, used by DTOs, entities and SQL checks. */

export const CUSTOMER_STATUSES = ['pending', 'active', 'suspended', 'closed'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export const KYC_STATUSES = ['not_verified', 'pending', 'verified', 'rejected', 'expired'] as const;
export type KycStatus = (typeof KYC_STATUSES)[number];

export const MEDIUM_TYPES = ['email', 'phone', 'postal'] as const;
export type MediumType = (typeof MEDIUM_TYPES)[number];

export const KYC_PROVIDERS = ['prebaked', 'didit', 'myinfo'] as const;
export type KycProvider = (typeof KYC_PROVIDERS)[number];

export const DOCUMENT_TYPES = ['nric', 'passport', 'fin', 'driving_license'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const INTERACTION_DIRECTIONS = ['inbound', 'outbound'] as const;
export type InteractionDirection = (typeof INTERACTION_DIRECTIONS)[number];

export const AGENT_ROLES = ['csr', 'supervisor', 'engineer', 'system'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

export const AGENT_STATUSES = ['active', 'terminated'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

/** The reference used several priority vocabularies; cases and tickets accept their union. */
export const PRIORITIES = ['low', 'normal', 'medium', 'high', 'urgent', 'critical'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CASE_CATEGORIES = ['general', 'billing', 'technical', 'complaint', 'account', 'information'] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];

export const TICKET_TYPES = ['information_request', 'service_outage', 'billing_dispute', 'configuration', 'provisioning_exception'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const PORT_DIRECTIONS = ['port_in', 'port_out'] as const;
export type PortDirection = (typeof PORT_DIRECTIONS)[number];

/** Id shapes (§1.2): prefix + 8 random hex, lowercase except port requests. */
export const ID_PATTERNS = {
  party: /^PTY-[0-9a-f]{8}$/,
  customer: /^CUST-[0-9a-f]{8}$/,
  contactMedium: /^CM-[0-9a-f]{8}$/,
  interaction: /^INT-[0-9a-f]{8}$/,
  case: /^CASE-[0-9a-f]{8}$/,
  note: /^NOTE-[0-9a-f]{8}$/,
  ticket: /^TKT-[0-9a-f]{8}$/,
  portRequest: /^PORT-[0-9A-F]{8}$/,
  agent: /^AGT-[0-9A-Z]+$/,
} as const;

/** E.164: `+`, country code, subscriber number; 8 to 15 digits in all. */
export const E164_PATTERN = /^\+[1-9]\d{7,14}$/;

/** MSISDN as the pool stores it: 8 national digits, ported-in numbers up to 15. */
export const MSISDN_PATTERN = /^\d{8,15}$/;

export const SUBSCRIPTION_ID_PATTERN = /^SUB-\d{4,}$/;

export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
