import { Client, type QueryConfig, type QueryResult, type QueryResultRow } from 'pg';

export interface ReadLanesOptions {
  url: string;
  applicationName: string;
  /** How many pipelined connections the hot reads share. */
  lanes: number;
}

/**
 * Hot reads ride a few long-lived pipelined connections (node-postgres `pipeline: true`) instead
 * of checking a pooled connection out per statement: the statements a page fans out are written
 * back to back on one connection and answered in order by one busy backend, instead of each waking
 * a backend of its own and waiting for its answer before the connection is free again. Every
 * statement keeps its own Sync, so one that fails fails alone. A lane whose connection breaks is
 * reopened on the next read; the reads in flight on it fail like they would on a pooled connection.
 */
export class ReadLanes {
  private readonly lanes: (Promise<Client> | undefined)[];
  private next = 0;
  private closing = false;

  constructor(private readonly options: ReadLanesOptions) {
    this.lanes = Array.from({ length: Math.max(1, options.lanes) }, () => undefined);
  }

  async query<T extends QueryResultRow>(config: QueryConfig): Promise<QueryResult<T>> {
    if (this.closing) throw new Error('the database is closed');
    const lane = this.next;
    this.next = (this.next + 1) % this.lanes.length;
    const opening = this.lanes[lane] ?? this.open(lane);
    const client = await opening;
    try {
      return await client.query<T>(config);
    } catch (error) {
      // The read that finds the connection gone drops it at once, before the socket's close event: the next read on
      // this lane opens a new one instead of failing on the dead one too.
      if (connectionLost(error)) this.drop(lane, opening, client);
      throw error;
    }
  }

  private open(lane: number): Promise<Client> {
    const client = new Client({ connectionString: this.options.url, application_name: this.options.applicationName, pipeline: true });
    const opening = client.connect().then(() => client);
    const forget = () => this.drop(lane, opening, client);
    // A broken connection is dropped from its lane (the next read opens a new one); the reads that
    // were in flight on it reject on their own.
    client.on('error', forget);
    client.on('end', forget);
    opening.catch(forget);
    this.lanes[lane] = opening;
    return opening;
  }

  private drop(lane: number, opening: Promise<Client>, client: Client): void {
    if (this.lanes[lane] === opening) this.lanes[lane] = undefined;
    client.end().catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closing = true;
    const open = this.lanes.splice(0);
    await Promise.all(open.map((lane) => lane?.then((client) => client.end()).catch(() => undefined)));
  }
}

/** The server ended the session (57P01–57P03: terminated, crashed, starting up) or the socket is gone. */
function connectionLost(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return /^57P0[1-3]$/.test(code ?? '') || /Connection terminated|not queryable|ECONNRESET|EPIPE/.test(message ?? '');
}
