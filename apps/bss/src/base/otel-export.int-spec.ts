import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePorts, requestIdOfTraceId } from '@bss/platform';
import { createTestDatabase } from '@bss/testing';
import { runCli } from '#bss/testing/run-cli';
import AdminSeed from '#bss/commands/admin/seed';
import CustomerAttestKyc from '#bss/commands/customer/attest-kyc';
import CustomerCreate from '#bss/commands/customer/create';
import PaymentAddCard from '#bss/commands/payment/add-card';

// Real processes and real HTTP: npm start exporting to a small OTLP/HTTP receiver, one order
// placed over the partner TMF API, its spans read back as the receiver got them.
const root = join(__dirname, '..', '..', '..', '..');
const PARTNER_TOKEN = 'p'.repeat(48);

interface OtlpValue {
  stringValue?: string;
  intValue?: number | string;
  boolValue?: boolean;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Array<{ key: string; value: OtlpValue }>;
  status?: { code?: number };
}
interface OtlpExport {
  resourceSpans: Array<{ resource: { attributes: Array<{ key: string; value: OtlpValue }> }; scopeSpans: Array<{ spans: OtlpSpan[] }> }>;
}

const attr = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? value?.boolValue : Number(value.intValue));
};

/** An OTLP/HTTP trace receiver (JSON, as @opentelemetry/exporter-trace-otlp-http sends it). */
function otlpReceiver() {
  const spans: OtlpSpan[] = [];
  const services = new Set<string>();
  const waiters: Array<{ name: string; resolve: () => void }> = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.url === '/v1/traces' && req.headers['content-type']?.startsWith('application/json')) {
        const exported = JSON.parse(body) as OtlpExport;
        for (const resource of exported.resourceSpans) {
          const service = resource.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue;
          if (service) services.add(service);
          for (const scope of resource.scopeSpans) spans.push(...scope.spans);
        }
        for (const waiter of waiters.filter((w) => spans.some((s) => s.name === w.name))) waiter.resolve();
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return {
    spans,
    services,
    server,
    /** Resolves once a span of that name arrived. */
    received: (name: string) => new Promise<void>((resolve) => (spans.some((s) => s.name === name) ? resolve() : waiters.push({ name, resolve }))),
  };
}

describe('OpenTelemetry export (OTEL_EXPORTER_OTLP_ENDPOINT set)', () => {
  const home = mkdtempSync(join(tmpdir(), 'bss-otel-spec-'));
  chmodSync(home, 0o755);
  const receiver = otlpReceiver();
  let databaseUrl: string;
  let customerId: string;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    process.env.BSS_DB_URL = databaseUrl;
    await runCli(AdminSeed, []);
    const created = await runCli(CustomerCreate, ['--name', 'Trace Tracy', '--email', 'tracy.otel@example.com', '--json']);
    customerId = (created.json?.result as { id: string }).id;
    expect((await runCli(CustomerAttestKyc, [customerId, '--document-type', 'nric', '--document-number', 'S7654321Z'])).exitCode).toBe(0);
    expect((await runCli(PaymentAddCard, ['--customer', customerId, '--card', '4242 4242 4242 4242'])).exitCode).toBe(0);
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
  }, 120_000);

  afterAll(async () => {
    await new Promise((resolve) => receiver.server.close(resolve));
    rmSync(home, { recursive: true, force: true });
  });

  it('exports one order’s journey as one trace: the HTTP request, the order.create command and every job run, with the audit request id as trace id', async () => {
    const { port: receiverPort } = receiver.server.address() as { port: number };
    const [portal, cockpit, chatAgent, tmfApi] = await freePorts(4);
    const ports = { BSS_PORTAL_PORT: portal, BSS_COCKPIT_PORT: cockpit, BSS_CHAT_AGENT_PORT: chatAgent, BSS_TMF_API_PORT: tmfApi };
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      BSS_HOME: home,
      BSS_DB_URL: databaseUrl,
      BSS_PARTNER_DEV_API_TOKEN: PARTNER_TOKEN,
      // The customer was made with the CLI, not through TMF632, so only a trusted partner may order for it.
      BSS_TMF_TRUSTED_PARTNERS: 'partner_dev',
      BSS_PROVISIONING_DELAY_SCALE: '0',
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${receiverPort}`,
      OTEL_BSP_SCHEDULE_DELAY: '50',
      ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
    };
    delete env.JEST_WORKER_ID;
    const child = spawn(process.execPath, [join(root, 'tools', 'start', 'start.js')], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (/\[bss\] Ctrl-C stops everything/.test(output)) resolve();
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      void exited.then((code) => reject(new Error(`start exited ${code}:\n${output}`)));
    });
    try {
      expect(output).toContain(`OpenTelemetry: exporting traces to http://127.0.0.1:${receiverPort}`);
      const placed = await fetch(`http://127.0.0.1:${ports.BSS_TMF_API_PORT}/tmf-api/productOrdering/v4/productOrder`, {
        method: 'POST',
        headers: { 'x-bss-api-token': PARTNER_TOKEN, 'content-type': 'application/json' },
        body: JSON.stringify({ relatedParty: [{ id: customerId, role: 'customer' }], orderItem: [{ id: '1', action: 'add', productOffering: { id: 'PLAN_M' } }] }),
      });
      expect(placed.status).toBe(201);
      const orderId = ((await placed.json()) as { id: string }).id;
      // The cockpit's job workers run the chain; the last job's span closes the journey.
      // (Bounded, so a broken chain fails here and the finally below still stops npm start.)
      await Promise.race([
        receiver.received('job orders.activate'),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`no 'job orders.activate' span; got ${receiver.spans.map((s) => s.name).join(', ')}\n${output}`)), 120_000).unref()),
      ]);

      const request = receiver.spans.find((s) => s.name === 'POST /tmf-api/productOrdering/v4/productOrder');
      expect(request).toBeDefined();
      const traceId = request!.traceId;
      expect(request!.kind).toBe(2); // SERVER
      expect(attr(request!, 'http.response.status_code')).toBe(201);
      const journey = receiver.spans.filter((s) => s.traceId === traceId);
      const command = journey.find((s) => s.name === 'order.create');
      expect(command).toMatchObject({ parentSpanId: request!.spanId });
      expect(attr(command!, 'bss.verb')).toBe('order.create');
      expect(attr(command!, 'bss.channel')).toBeDefined();
      expect(attr(command!, 'bss.service_identity')).toBe('partner_dev');
      expect(attr(command!, 'bss.actor')).toBeDefined();
      for (const queue of ['orders.decompose', 'orders.provision_task', 'orders.activate']) {
        expect(journey.map((s) => s.name)).toContain(`job ${queue}`);
      }
      // Commands the jobs ran are children of their job spans, in the same trace.
      const activate = journey.find((s) => s.name === 'job orders.activate')!;
      expect(attr(activate, 'bss.job.queue')).toBe('orders.activate');
      expect([...receiver.services]).toEqual(['bss']);
      // No PII in any attribute: not the customer's name or email.
      expect(JSON.stringify(receiver.spans)).not.toMatch(/tracy|Tracy|example\.com/);

      // The audit log names the same trace: `bss trace get <id>` and the OTel backend agree.
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        const { rows } = await client.query<{ request_id: string }>(`select distinct request_id from audit.domain_event where aggregate_id = $1`, [orderId]);
        expect(rows.map((r) => r.request_id)).toEqual([requestIdOfTraceId(traceId)]);
      } finally {
        await client.end();
      }
    } finally {
      process.kill(-(child.pid as number), 'SIGINT');
      expect(await exited).toBe(0);
    }
  }, 240_000);
});
