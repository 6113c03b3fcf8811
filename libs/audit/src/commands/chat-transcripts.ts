import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Database, type Tx } from '@bss/platform';

/** A chat transcript as stored, with the check that its body still hashes to its key. */
export interface ChatTranscriptView {
  hash: string;
  customerId: string;
  body: string;
  recordedAt: Date;
  /** SHA-256 of the body equals the key it is filed under: nobody edited it since. */
  verified: boolean;
}

/** SHA-256 hex of the UTF-8 text: the key a transcript is filed under and the case carries. */
export function transcriptHash(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

/**
 * `audit.chat_transcript`: the conversation that led to an escalated case, append-only (a trigger
 * refuses UPDATE, DELETE and TRUNCATE) and keyed by its SHA-256, so the case's
 * `chat_transcript_hash` proves which words the customer saw.
 */
@Injectable()
export class ChatTranscripts {
  constructor(private readonly db: Database) {}

  /** Files the transcript inside the caller's transaction; the same text twice is one row. Returns its hash. */
  async append(tx: Tx, entry: { customerId: string; body: string; recordedAt: Date; tenantId: string }): Promise<string> {
    const hash = transcriptHash(entry.body);
    await tx.query(
      `insert into audit.chat_transcript (hash, tenant_id, customer_id, body, recorded_at) values ($1, $2, $3, $4, $5)
       on conflict (hash) do nothing`,
      [hash, entry.tenantId, entry.customerId, entry.body, entry.recordedAt],
    );
    return hash;
  }

  /** The transcript filed under `hash`, re-hashed on every read; null when none is. */
  async read(hash: string): Promise<ChatTranscriptView | null> {
    const [row] = await this.db.query<{ hash: string; customer_id: string; body: string; recorded_at: Date }>(
      `select hash, customer_id, body, recorded_at from audit.chat_transcript where hash = $1`,
      [hash],
    );
    if (!row) return null;
    return { hash: row.hash, customerId: row.customer_id, body: row.body, recordedAt: row.recorded_at, verified: transcriptHash(row.body) === row.hash };
  }
}
