import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { actorForSpan, requestIdOfTraceId, traceIdOfRequestId, withSpan } from './tracing';

const platformDist = join(__dirname, '..', '..', 'dist', 'index.js');

/** Whether a fresh Node process that loads @bss/platform and calls startTracing has any @opentelemetry module loaded. */
function loadsOpenTelemetry(env: NodeJS.ProcessEnv): boolean {
  const script = `const p = require(${JSON.stringify(platformDist)}); p.startTracing('spec');
    process.stdout.write(String(Object.keys(require.cache).some((k) => k.includes('@opentelemetry'))));`;
  const { OTEL_EXPORTER_OTLP_ENDPOINT: _unset, ...rest } = process.env;
  const result = spawnSync(process.execPath, ['-e', script], { env: { ...rest, ...env }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout === 'true';
}

describe('tracing', () => {
  it('loads no OpenTelemetry package unless OTEL_EXPORTER_OTLP_ENDPOINT is set', () => {
    expect(loadsOpenTelemetry({})).toBe(false);
    expect(loadsOpenTelemetry({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:1' })).toBe(true);
  });

  it('is a plain call while off', async () => {
    await expect(withSpan('x', {}, async () => 42)).resolves.toBe(42);
    await expect(withSpan('x', {}, async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
  });

  it('maps a trace id to the audit request id and back', () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    expect(requestIdOfTraceId(traceId)).toBe('4bf92f35-77b3-4da6-a3ce-929d0e0e4736');
    expect(traceIdOfRequestId('4bf92f35-77b3-4da6-a3ce-929d0e0e4736')).toBe(traceId);
    expect(traceIdOfRequestId('turn-42')).toBeUndefined();
    expect(traceIdOfRequestId('00000000-0000-0000-0000-000000000000')).toBeUndefined();
  });

  it('never puts an email address in an actor attribute', () => {
    expect(actorForSpan('system:som')).toBe('system:som');
    expect(actorForSpan('operator:ada@example.com')).toMatch(/^sha256:[0-9a-f]{16}$/);
  });
});
