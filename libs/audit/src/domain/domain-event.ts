/** What a command says happened; the AuditLog adds who, when and through which surface. */
export interface DomainEventInput {
  /** Dotted, past tense: `case.closed`, `subscription.renewed`. */
  eventType: string;
  aggregateType: string;
  aggregateId: string;
  payload?: Record<string, unknown>;
}

export interface DomainEventRecord {
  eventId: string;
  eventType: string;
  aggregateType: string;
  aggregateId: string;
  occurredAt: string;
  actor: string;
  channel: string;
  serviceIdentity: string;
  tenant: string;
  requestId: string;
  /** The caller's own `X-Request-Id`, when it sent a valid one. */
  correlationId: string | null;
  payload: Record<string, unknown>;
}
