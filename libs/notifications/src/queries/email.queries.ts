import { Injectable } from '@nestjs/common';
import { Database } from '@bss/platform';

export interface EmailView {
  id: number;
  to: string;
  subject: string;
  body: string;
  kind: string;
  provider: string;
  createdAt: string;
  sentAt: string | null;
}

@Injectable()
export class EmailQueries {
  constructor(private readonly db: Database) {}

  /** Newest first; `to` matches case-insensitively. */
  async list(filter: { to?: string; kind?: string; limit?: number } = {}): Promise<EmailView[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.to) {
      params.push(filter.to.toLowerCase());
      where.push(`to_address = $${params.length}`);
    }
    if (filter.kind) {
      params.push(filter.kind);
      where.push(`kind = $${params.length}`);
    }
    params.push(Math.min(Math.max(filter.limit ?? 20, 1), 500));
    const rows = await this.db.query<{ id: string; to_address: string; subject: string; body_text: string; kind: string; provider: string; created_at: Date; sent_at: Date | null }>(
      `select id, to_address, subject, body_text, kind, provider, created_at, sent_at from audit.email_outbox
        ${where.length ? `where ${where.join(' and ')}` : ''} order by id desc limit $${params.length}`,
      params,
    );
    return rows.map((r) => ({
      id: Number(r.id),
      to: r.to_address,
      subject: r.subject,
      body: r.body_text,
      kind: r.kind,
      provider: r.provider,
      createdAt: r.created_at.toISOString(),
      sentAt: r.sent_at ? r.sent_at.toISOString() : null,
    }));
  }
}
