import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { CatalogQueries } from '@bss/catalog';
import { Clock, Database } from '@bss/platform';
import { currentAuth, runWithAuth } from '@bss/policies';
import { listPage, type TmfQuery, type TmfResource } from '#tmf-api/tmf/tmf-list';
import { toProductOffering } from './product-offering.mapper';

/** How old (wall ms) a snapshot may get before a request rebuilds it in the background: price windows open and close with time alone. */
export const PRODUCT_OFFERING_REFRESH_MS = 1_000;
/** NOTIFYed by triggers on the catalog tables and `platform.clock` (migration AddTmfCatalogNotify) when a change commits. */
export const CATALOG_CHANGED_CHANNEL = 'bss_catalog_changed';
/** Distinct queries (`fields=`, filters, paging) whose answer a snapshot keeps rendered. */
const RENDERED_QUERIES = 64;
/** After the listener connection fails, how long until a request tries to open it again. */
const RELISTEN_MS = 5_000;

/** One list answer, serialized (and UTF-8 encoded) once per snapshot. */
export interface RenderedList {
  json: Buffer;
  total: number;
  count: number;
}

interface Snapshot {
  offerings: readonly TmfResource[];
  /** The change count when this snapshot started reading: older than the latest change means stale. */
  change: number;
  builtAt: number;
  rendered: Map<string, RenderedList>;
}

interface TenantCatalog {
  current?: Snapshot;
  rebuilding?: Promise<Snapshot>;
  nextRefreshAt: number;
}

/**
 * `GET productOffering` is what every partner polls, and the catalog changes rarely, so it is
 * answered from memory: the offerings of a tenant, and each distinct query's rendered JSON.
 * - A catalog write or a clock change, in any process, commits a NOTIFY (`bss_catalog_changed`);
 *   the next request after it waits for a rebuild instead of getting the old prices.
 * - Price windows also open and close as wall time passes: a snapshot older than a second is
 *   rebuilt in the background while the request is answered from it.
 * - Without the LISTEN connection (it failed), only the second-by-second refresh remains.
 * One snapshot per tenant: catalog reads are tenant-scoped.
 */
@Injectable()
export class ProductOfferingCache implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ProductOfferingCache.name);
  private readonly tenants = new Map<string, TenantCatalog>();
  /** Catalog or clock changes heard of; bumped by each notification. */
  private changes = 0;
  private listener?: Client;
  private nextListenAt = 0;
  private closed = false;

  constructor(
    private readonly catalog: CatalogQueries,
    private readonly clock: Clock,
    private readonly db: Database,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  /** The list for `query`; `queryKey` (the raw query string) keys its rendered answer. */
  async list(tenant: string, queryKey: string, query: TmfQuery): Promise<RenderedList> {
    const snapshot = await this.snapshot(tenant);
    let rendered = snapshot.rendered.get(queryKey);
    if (!rendered) {
      const { page, total } = listPage(snapshot.offerings, query);
      rendered = { json: Buffer.from(JSON.stringify(page)), total, count: page.length };
      if (snapshot.rendered.size < RENDERED_QUERIES) snapshot.rendered.set(queryKey, rendered);
    }
    return rendered;
  }

  async offerings(tenant = currentAuth().tenant): Promise<readonly TmfResource[]> {
    return (await this.snapshot(tenant)).offerings;
  }

  /** Resolves once every change notified so far is in the snapshots (tests wait on it instead of sleeping). */
  async settled(tenant = currentAuth().tenant): Promise<void> {
    await this.snapshot(tenant);
  }

  /** How many catalog/clock change notifications this process has heard. */
  heardChanges(): number {
    return this.changes;
  }

  private async snapshot(tenant: string): Promise<Snapshot> {
    if (!this.listener && Date.now() >= this.nextListenAt) void this.listen();
    let catalog = this.tenants.get(tenant);
    if (!catalog) {
      catalog = { nextRefreshAt: 0 };
      this.tenants.set(tenant, catalog);
    }
    let current = catalog.current;
    // A change committed since this snapshot began: wait for one that includes it.
    while (!current || current.change !== this.changes) current = await this.rebuild(tenant, catalog);
    if (Date.now() >= catalog.nextRefreshAt) {
      catalog.nextRefreshAt = Date.now() + PRODUCT_OFFERING_REFRESH_MS;
      this.rebuild(tenant, catalog).catch((error: unknown) => this.logger.warn(`productOffering refresh failed, serving the previous snapshot: ${String(error)}`));
    }
    return current;
  }

  private rebuild(tenant: string, catalog: TenantCatalog): Promise<Snapshot> {
    catalog.rebuilding ??= (async () => {
      const change = this.changes;
      const offerings = await runWithAuth({ tenant }, async () => {
        // state() re-reads the clock row: a clock change from another process is seen now, not after the clock's own cache period.
        const now = new Date((await this.clock.state()).now);
        const active = await this.catalog.listActiveOfferings(now);
        const categories = await this.catalog.categoriesOfOfferings();
        return active.map((o) => toProductOffering(o, categories.get(o.id)));
      });
      const snapshot: Snapshot = { offerings, change, builtAt: Date.now(), rendered: new Map() };
      catalog.current = snapshot;
      catalog.nextRefreshAt = snapshot.builtAt + PRODUCT_OFFERING_REFRESH_MS;
      return snapshot;
    })().finally(() => {
      catalog.rebuilding = undefined;
    });
    return catalog.rebuilding;
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    this.nextListenAt = Date.now() + RELISTEN_MS;
    const client = new Client({ connectionString: (this.db.dataSource.options as { url?: string }).url, application_name: 'bss-tmf-catalog-listen' });
    client.on('notification', () => {
      this.changes += 1;
    });
    client.on('error', (error) => {
      this.logger.warn(`catalog change listener lost (${String(error)}); refreshing each second until it is back`);
      if (this.listener === client) this.listener = undefined;
    });
    try {
      await client.connect();
      await client.query(`listen ${CATALOG_CHANGED_CHANNEL}`);
      this.listener = client;
      // Whatever changed while nobody listened is in no snapshot.
      this.changes += 1;
    } catch (error) {
      this.logger.warn(`catalog change listener could not start (${String(error)}); refreshing each second`);
      await client.end().catch(() => undefined);
    }
  }
}
