import { Injectable } from '@nestjs/common';
import type { KycCorroboration } from '@bss/crm';
import { Database } from '@bss/platform';

/** The latest decision Didit sent for one session (document only as last4 + hash). */
export interface KycDecisionView {
  sessionId: string;
  eventId: string;
  status: string;
  vendorData: string | null;
  documentType: string | null;
  documentLast4: string | null;
  documentHash: string | null;
  documentCountry: string | null;
  dateOfBirth: string | null;
  decidedAt: Date;
  receivedAt: Date;
}

interface DecisionRow {
  session_id: string;
  event_id: string;
  status: string;
  vendor_data: string | null;
  document_type: string | null;
  document_last4: string | null;
  document_hash: string | null;
  document_country: string | null;
  date_of_birth: string | null;
  decided_at: Date;
  received_at: Date;
}

export function toKycDecisionView(r: DecisionRow): KycDecisionView {
  return {
    sessionId: r.session_id,
    eventId: r.event_id,
    status: r.status,
    vendorData: r.vendor_data,
    documentType: r.document_type,
    documentLast4: r.document_last4,
    documentHash: r.document_hash,
    documentCountry: r.document_country,
    dateOfBirth: r.date_of_birth,
    decidedAt: r.decided_at,
    receivedAt: r.received_at,
  };
}

@Injectable()
export class KycDecisionQueries {
  constructor(private readonly db: Database) {}

  async forSession(sessionId: string): Promise<KycDecisionView | null> {
    const [row] = await this.db.query<DecisionRow>(`select * from portal_auth.kyc_webhook_decision where session_id = $1`, [sessionId]);
    return row ? toKycDecisionView(row) : null;
  }

  /**
   * The CRM's corroboration lookup: a didit attestation names the webhook event that approved it;
   * only an event that is still the latest decision of its session counts (a later Declined wins).
   * Age and status are judged by the CRM's own rule.
   */
  async corroboration(provider: string, eventId: string): Promise<KycCorroboration | null> {
    if (provider !== 'didit') return null;
    const [row] = await this.db.query<DecisionRow>(`select * from portal_auth.kyc_webhook_decision where event_id = $1`, [eventId]);
    return row ? { provider: 'didit', status: row.status, receivedAt: row.received_at } : null;
  }
}
