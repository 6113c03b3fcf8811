import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@bss/audit';
import { Clock, isBssError, localStateDir } from '@bss/platform';
import { CatalogJobEntity, type CatalogJobResult } from '#catalog/domain/catalog-job.entity';
import { ProductOfferingEntity } from '#catalog/domain/product-offering.entity';
import { CatalogQueries, toTmfProductOffering } from '#catalog/queries/catalog.queries';
import { AddOfferingCommand, type AddOfferingInput } from './add-offering.command';

const ALLOWANCE_FIELDS: Record<string, 'dataMb' | 'voiceMinutes' | 'smsCount' | 'dataRoamingMb'> = { data: 'dataMb', voice: 'voiceMinutes', sms: 'smsCount', data_roaming: 'dataRoamingMb' };
const FETCH_TIMEOUT_MS = 15_000;

type Json = Record<string, unknown>;

/** One offering of a catalog document (as an export writes it) → the add_offering input; the command validates it. */
export function addOfferingInputFromTmf(o: Json): AddOfferingInput {
  const price = ((o.productOfferingPrice as Json[] | undefined)?.[0] ?? {}) as Json;
  const money = ((price.price as Json | undefined)?.taxIncludedAmount ?? price.price ?? {}) as { value?: unknown; unit?: unknown };
  const validFor = (o.validFor ?? {}) as { startDateTime?: unknown; endDateTime?: unknown };
  const allowances: Json = {};
  for (const a of (o.bundleAllowance as { allowanceType?: string; quantity?: unknown }[] | undefined) ?? []) {
    const field = a.allowanceType ? ALLOWANCE_FIELDS[a.allowanceType] : undefined;
    if (field) allowances[field] = a.quantity;
  }
  const input: Json = {
    offeringId: o.id,
    name: o.name,
    specId: (o.productSpecification as Json | undefined)?.id,
    amount: typeof money.value === 'number' ? money.value.toFixed(2) : money.value,
    currency: money.unit,
    priceId: price.id,
    validFrom: validFor.startDateTime ?? undefined,
    validTo: validFor.endDateTime ?? undefined,
    categoryIds: ((o.category as Json[] | undefined) ?? []).map((c) => c.id).filter((id) => typeof id === 'string'),
    ...allowances,
  };
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null)) as unknown as AddOfferingInput;
}

/**
 * Runs one catalog import or export job (queue catalog.transfer). An export writes the sellable
 * catalog as TMF620 JSON to a file under BSS_HOME (`file:`) or POSTs it to the partner URL; an import
 * reads a document (URL or inline) and adds each new offering through add_offering, skipping ids that
 * exist. The outcome (succeeded / failed with its error log) is on the job row, read by TMF620 and the CLI.
 */
@Injectable()
export class CatalogTransferWorker {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly catalog: CatalogQueries,
    private readonly addOffering: AddOfferingCommand,
    private readonly clock: Clock,
  ) {}

  async run(jobId: string): Promise<'succeeded' | 'failed' | 'gone'> {
    const job = await this.uow.run(async (w) => {
      const row = await w.tx.findOne(CatalogJobEntity, { where: { id: jobId }, lock: { mode: 'pessimistic_write' } });
      if (!row || row.status !== 'notStarted') return null;
      row.status = 'running';
      await w.tx.save(row);
      return row;
    });
    if (!job) return 'gone';
    let result: CatalogJobResult = { offerings: [], skipped: [] };
    const errors: string[] = [];
    let path: string | null = null;
    try {
      if (job.kind === 'export') ({ result, path } = await this.export(job));
      else result = await this.import(job, errors);
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
    const status = errors.length > 0 ? 'failed' : 'succeeded';
    await this.uow.run(async (w) => {
      await w.tx.update(CatalogJobEntity, { id: job.id }, { status, result, path, errorLog: errors.length > 0 ? errors.join('\n') : null, completionDate: w.now });
      await w.emit({ eventType: `catalog.${job.kind}_${status}`, aggregateType: 'catalog_job', aggregateId: job.id, payload: { jobId: job.id, status, offerings: result.offerings.length, skipped: result.skipped.length } });
    });
    return status;
  }

  private async export(job: CatalogJobEntity): Promise<{ result: CatalogJobResult; path: string | null }> {
    const now = await this.clock.now();
    const offerings = (await this.catalog.listActiveOfferings(now)).map(toTmfProductOffering);
    const document = {
      '@type': 'CatalogExport',
      exportedAt: now.toISOString(),
      catalog: await this.catalog.listCatalogs(),
      category: await this.catalog.listCategories(),
      productSpecification: await this.catalog.listSpecifications(),
      productOffering: offerings,
    };
    const body = JSON.stringify(document, null, 2);
    const result = { offerings: offerings.map((o) => o.id), skipped: [] };
    if (job.url?.startsWith('file:')) {
      const dir = join(localStateDir(), 'catalog-exports');
      mkdirSync(dir, { recursive: true });
      const path = join(dir, `${job.id}.json`);
      writeFileSync(path, body);
      return { result, path };
    }
    const res = await fetch(job.url!, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${job.url} answered ${res.status}`);
    return { result, path: null };
  }

  private async import(job: CatalogJobEntity, errors: string[]): Promise<CatalogJobResult> {
    let document = job.payload;
    if (!document) {
      const res = await fetch(job.url!, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      if (!res.ok) throw new Error(`${job.url} answered ${res.status}`);
      document = (await res.json()) as Json;
    }
    const items = document.productOffering;
    if (!Array.isArray(items)) throw new Error('the document has no productOffering array');
    const result: CatalogJobResult = { offerings: [], skipped: [] };
    for (const [i, item] of (items as Json[]).entries()) {
      const input = addOfferingInputFromTmf(item ?? {});
      if (typeof input.offeringId === 'string' && (await this.uow.run((w) => w.tx.existsBy(ProductOfferingEntity, { id: input.offeringId })))) {
        result.skipped.push(input.offeringId);
        continue;
      }
      try {
        result.offerings.push((await this.addOffering.execute(input)).id);
      } catch (error) {
        if (!isBssError(error)) throw error;
        errors.push(`productOffering[${i}] ${String(input.offeringId ?? '')}: ${error.message}`);
      }
    }
    return result;
  }
}
