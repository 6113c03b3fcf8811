import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Attributes, Span, Tracer } from '@opentelemetry/api';

/*
 * OpenTelemetry export, on only when OTEL_EXPORTER_OTLP_ENDPOINT is set: spans over OTLP/HTTP
 * (JSON) to that endpoint, batched. Unset, none of the @opentelemetry packages is even loaded and
 * `withSpan` is a plain call.
 *
 * One id for both worlds: a request's trace id IS its audit request id. A span started with no
 * parent (an HTTP request, a CLI call) gives the request id (`newRequestId`, the trace id in UUID
 * form), so `bss trace get <id>` and an OTel backend name the same trace; a job run, whose data
 * carries the request id of the request that caused it, starts its span in that same trace.
 *
 * The active span lives in our own AsyncLocalStorage (no global context manager): Fastify hooks
 * enter it for the rest of a request (`enterSpan`), as the AuthContext is entered.
 */

type OtelApi = typeof import('@opentelemetry/api');

interface Tracing {
  api: OtelApi;
  tracer: Tracer;
  provider: { forceFlush(): Promise<void>; shutdown(): Promise<void> };
  /** The trace id the next root span takes (a job joining its request's trace), else random. */
  nextTraceId?: string;
}

let tracing: Tracing | undefined;
const active = new AsyncLocalStorage<Span>();
const attributeSources: Array<() => Attributes> = [];

/** Whether this process is configured to export (the variable is read, nothing is loaded). */
export function tracingConfigured(): boolean {
  return Boolean(process.env.OTEL_EXPORTER_OTLP_ENDPOINT);
}

export function tracingActive(): boolean {
  return tracing !== undefined;
}

/**
 * Starts the exporter for this process (`service.name` = OTEL_SERVICE_NAME or the given name) if
 * OTEL_EXPORTER_OTLP_ENDPOINT is set; the standard OTEL_EXPORTER_OTLP_* and OTEL_BSP_* variables
 * apply. Returns whether tracing is on. Call once, before the apps handle anything.
 */
export function startTracing(serviceName: string): boolean {
  if (tracing) return true;
  if (!tracingConfigured()) return false;
  const api = require('@opentelemetry/api') as OtelApi;
  const { BasicTracerProvider, BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const state: Partial<Tracing> = { api };
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME || serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
    idGenerator: {
      generateTraceId: () => {
        const joined = state.nextTraceId;
        state.nextTraceId = undefined;
        return joined ?? randomBytes(16).toString('hex');
      },
      generateSpanId: () => randomBytes(8).toString('hex'),
    },
  });
  state.provider = provider;
  state.tracer = provider.getTracer('bss');
  tracing = state as Tracing;
  return true;
}

/** Exports what is still buffered and stops (npm start's Ctrl-C, a process' end). */
export async function stopTracing(): Promise<void> {
  const stopping = tracing;
  tracing = undefined;
  await stopping?.provider.shutdown();
}

/**
 * Adds attributes to every span at its start, read from the ambient state then (the auth context
 * registers actor, channel and service identity this way; platform cannot import it).
 */
export function addSpanAttributeSource(source: () => Attributes): void {
  attributeSources.push(source);
}

export interface SpanOptions {
  /** A root span joins the trace of this request id (a job run joining the request that caused it). */
  joinRequestId?: string;
  kind?: 'server' | 'internal' | 'consumer';
}

function begin(name: string, attributes: Attributes, options: SpanOptions): Span {
  const { api, tracer } = tracing as Tracing;
  // A server span (an incoming request) is always a root: whatever a keep-alive connection's
  // async context still holds from the request before must not become its parent.
  const parent = options.kind === 'server' ? undefined : active.getStore();
  const context = parent ? api.trace.setSpan(api.ROOT_CONTEXT, parent) : api.ROOT_CONTEXT;
  const joined = parent ? undefined : traceIdOfRequestId(options.joinRequestId);
  if (joined) (tracing as Tracing).nextTraceId = joined;
  const kind = { server: api.SpanKind.SERVER, internal: api.SpanKind.INTERNAL, consumer: api.SpanKind.CONSUMER }[options.kind ?? 'internal'];
  const merged: Attributes = {};
  for (const source of attributeSources) Object.assign(merged, source());
  return tracer.startSpan(name, { kind, attributes: { ...merged, ...attributes } }, context);
}

function fail(span: Span, error: unknown): void {
  const { api } = tracing as Tracing;
  const err = error as Error & { code?: string; rule?: string };
  span.setStatus({ code: api.SpanStatusCode.ERROR, message: err?.code ?? err?.name });
  // The error's code and rule, not its message: messages may quote input (names, emails).
  span.setAttributes({ 'bss.error.code': err?.code ?? err?.name ?? 'Error', ...(err?.rule ? { 'bss.error.rule': err.rule } : {}) });
}

/** Runs `work` inside a span (a child of the active one); a plain call when tracing is off. */
export async function withSpan<T>(name: string, attributes: Attributes, work: () => Promise<T>, options: SpanOptions = {}): Promise<T> {
  if (!tracing) return work();
  const span = begin(name, attributes, options);
  try {
    return await active.run(span, work);
  } catch (error) {
    fail(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/** A span entered for the rest of the current async chain (a Fastify request); end it yourself. */
export interface EnteredSpan {
  setAttributes(attributes: Attributes): void;
  end(error?: unknown): void;
}

export function enterSpan(name: string, attributes: Attributes, options: SpanOptions = {}): EnteredSpan | undefined {
  if (!tracing) return undefined;
  const span = begin(name, attributes, options);
  active.enterWith(span);
  return {
    setAttributes: (more) => span.setAttributes(more),
    end: (error) => {
      if (error) fail(span, error);
      span.end();
    },
  };
}

/**
 * The id a new request's audit rows carry: the active span's trace id in UUID form when tracing
 * is on (so the audit log and the OTel backend agree), a random UUID otherwise.
 */
export function newRequestId(): string {
  const span = tracing ? active.getStore() : undefined;
  return span ? requestIdOfTraceId(span.spanContext().traceId) : randomUUID();
}

/** 32 hex digits → the UUID form audit rows use. */
export function requestIdOfTraceId(traceId: string): string {
  return `${traceId.slice(0, 8)}-${traceId.slice(8, 12)}-${traceId.slice(12, 16)}-${traceId.slice(16, 20)}-${traceId.slice(20)}`;
}

/** A UUID request id → its OTel trace id; undefined for other request ids (a client's own X-Request-Id). */
export function traceIdOfRequestId(requestId: string | undefined): string | undefined {
  const hex = requestId?.replace(/-/g, '').toLowerCase();
  return hex && /^[0-9a-f]{32}$/.test(hex) && !/^0+$/.test(hex) ? hex : undefined;
}

/** An actor for a span attribute: as is, unless it carries an email address (then a stable digest). */
export function actorForSpan(actor: string): string {
  return actor.includes('@') ? `sha256:${createHash('sha256').update(actor).digest('hex').slice(0, 16)}` : actor;
}
