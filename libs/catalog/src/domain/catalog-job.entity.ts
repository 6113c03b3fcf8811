import { Column, Entity, PrimaryColumn } from 'typeorm';

export const CATALOG_JOB_STATUSES = ['notStarted', 'running', 'succeeded', 'failed'] as const;
export type CatalogJobStatus = (typeof CATALOG_JOB_STATUSES)[number];
export type CatalogJobKind = 'import' | 'export';

/** What a finished job did: exported or imported offerings, and those an import skipped (already there). */
export interface CatalogJobResult {
  offerings: string[];
  skipped: string[];
}

/** A TMF620 importJob / exportJob: the state of one durable catalog import or export. */
@Entity({ schema: 'catalog', name: 'catalog_job' })
export class CatalogJobEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text' }) kind!: CatalogJobKind;
  @Column({ type: 'text' }) status!: CatalogJobStatus;
  /** Export: where to (http(s) partner URL, or `file:` for a file under BSS_HOME); import: where from (absent with an inline payload). */
  @Column({ type: 'text', nullable: true }) url!: string | null;
  /** Export to a file: the file written. */
  @Column({ type: 'text', nullable: true }) path!: string | null;
  @Column({ name: 'content_type', type: 'text' }) contentType!: string;
  @Column({ type: 'text', nullable: true }) query!: string | null;
  /** Import: the inline catalog document, when no URL is given. */
  @Column({ type: 'jsonb', nullable: true }) payload!: Record<string, unknown> | null;
  @Column({ type: 'jsonb', nullable: true }) result!: CatalogJobResult | null;
  @Column({ name: 'error_log', type: 'text', nullable: true }) errorLog!: string | null;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
  @Column({ name: 'creation_date', type: 'timestamptz' }) creationDate!: Date;
  @Column({ name: 'completion_date', type: 'timestamptz', nullable: true }) completionDate!: Date | null;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId!: string;
}
