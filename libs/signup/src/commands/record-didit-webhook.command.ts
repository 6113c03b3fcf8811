import { Inject, Injectable } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UnitOfWork } from '@bss/audit';
import { DOCUMENT_TYPES, fingerprintDocument, type DocumentType } from '@bss/crm';
import { firstDelivery, InvalidInput, Unauthorized, validateInput, Verb } from '@bss/platform';
import { diditCountry, diditDocumentType, diditEventId, verifyDiditSignature } from '#signup/adapters/didit-webhook';
import { SIGNUP_CONFIG, type SignupConfig } from '#signup/signup.config';

/** What we keep of one Didit decision: the status, and the document only as last4 + hash. */
export class RecordDiditDecisionInput {
  @IsString() @Matches(/^[A-Za-z0-9-]{8,64}$/, { message: 'session_id must be a Didit session id' }) sessionId!: string;
  @IsString() @Matches(/^[A-Za-z ]{2,30}$/, { message: 'status must be a Didit status such as Approved' }) status!: string;
  @IsString() @MaxLength(200) eventId!: string;
  @IsOptional() @IsString() @MaxLength(200) vendorData?: string;
  @Type(() => Date) @IsDate() decidedAt!: Date;
  @IsOptional() @IsIn(DOCUMENT_TYPES) documentType?: DocumentType;
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9-]{4,32}$/, { message: 'document_number must be 4-32 letters, digits or dashes' }) documentNumber?: string;
  @IsOptional() @Matches(/^[A-Z]{2}$/) documentCountry?: string;
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date_of_birth must be YYYY-MM-DD' }) dateOfBirth?: string;
}

export interface RecordDiditWebhookResult {
  /** `duplicate`: this event was handled before; `superseded`: a newer decision for the session is already stored. */
  outcome: 'recorded' | 'duplicate' | 'superseded';
  sessionId: string;
  status: string;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** Didit's body onto our input; unknown fields are ignored (Didit adds fields over time). */
function toDecisionInput(raw: Buffer, body: Json, receivedAt: Date): RecordDiditDecisionInput {
  const decision = obj(body.decision);
  const idv = obj(decision.id_verification ?? (Array.isArray(decision.id_verifications) ? decision.id_verifications[0] : undefined));
  const seconds = typeof body.timestamp === 'number' ? body.timestamp : typeof body.created_at === 'number' ? body.created_at : undefined;
  return {
    sessionId: str(body.session_id) ?? '',
    status: str(body.status) ?? '',
    eventId: diditEventId(raw, body.event_id ?? body.webhook_id),
    vendorData: str(body.vendor_data),
    decidedAt: seconds !== undefined && Number.isFinite(seconds) ? new Date(seconds * 1000) : receivedAt,
    documentType: diditDocumentType(idv.document_type) ?? undefined,
    documentNumber: str(idv.document_number),
    documentCountry: diditCountry(idv.issuing_state) ?? undefined,
    dateOfBirth: str(idv.date_of_birth),
  };
}

/**
 * `POST /webhooks/didit`: authenticates the body by its HMAC (Unauthorized on any mismatch, before
 * anything is parsed or stored), handles each event once, and keeps the latest decision per Didit
 * session — an older event arriving late never overwrites a newer one. The raw document number is
 * reduced to last4 + hash here and never stored.
 */
@Verb({
  name: 'didit_webhook.record',
  input: RecordDiditDecisionInput,
  summary: 'Records a signed Didit KYC decision for its verification session',
  cliExempt: 'Didit calls it through POST /webhooks/didit with the raw signed body (execute takes the body and its signature, the input is what it is parsed into)',
})
@Injectable()
export class RecordDiditWebhookCommand {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(SIGNUP_CONFIG) private readonly config: SignupConfig,
  ) {}

  async execute(rawBody: Buffer, signature: string | undefined): Promise<RecordDiditWebhookResult> {
    if (!verifyDiditSignature(rawBody, signature, this.config.kyc.diditWebhookSecret)) throw new Unauthorized('Didit webhook signature does not match');
    let body: Json;
    try {
      body = obj(JSON.parse(rawBody.toString('utf8')));
    } catch {
      throw new InvalidInput([{ field: 'body', messages: ['must be JSON'] }]);
    }
    return this.uow.run(async (w) => {
      const dto = await validateInput(RecordDiditDecisionInput, toDecisionInput(rawBody, body, w.now));
      const result = { sessionId: dto.sessionId, status: dto.status };
      if (!(await firstDelivery(w.tx, 'identity.didit_webhook', dto.eventId))) return { outcome: 'duplicate', ...result };
      const country = dto.documentCountry ?? 'SG';
      const fingerprint = dto.documentNumber ? fingerprintDocument(dto.documentNumber, country, 'didit') : null;
      const rows = (await w.tx.query(
        `insert into portal_auth.kyc_webhook_decision
           (session_id, provider, event_id, status, vendor_data, document_type, document_last4, document_hash, document_country, date_of_birth, decided_at, received_at, tenant_id)
         values ($1, 'didit', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         on conflict (session_id) do update set
           event_id = excluded.event_id, status = excluded.status, vendor_data = excluded.vendor_data, document_type = excluded.document_type,
           document_last4 = excluded.document_last4, document_hash = excluded.document_hash, document_country = excluded.document_country,
           date_of_birth = excluded.date_of_birth, decided_at = excluded.decided_at, received_at = excluded.received_at
         where portal_auth.kyc_webhook_decision.decided_at <= excluded.decided_at
         returning session_id`,
        [
          dto.sessionId,
          dto.eventId,
          dto.status,
          dto.vendorData ?? null,
          dto.documentType ?? null,
          fingerprint?.last4.replace(/[^0-9A-Z]/g, '') || null,
          fingerprint?.hash ?? null,
          dto.documentNumber ? country : (dto.documentCountry ?? null),
          dto.dateOfBirth ?? null,
          dto.decidedAt,
          w.now,
          w.auth.tenant,
        ],
      )) as unknown[];
      if (rows.length === 0) return { outcome: 'superseded', ...result };
      await w.emit({ eventType: 'kyc.didit_decision_received', aggregateType: 'kyc_session', aggregateId: dto.sessionId, payload: { eventId: dto.eventId, status: dto.status } });
      return { outcome: 'recorded', ...result };
    });
  }
}
