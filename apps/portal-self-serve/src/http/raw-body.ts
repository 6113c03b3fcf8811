import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The exact bytes a webhook sender signed; set only under the `/webhooks/` prefix. */
export type RawBodyRequest = FastifyRequest & { rawBody?: Buffer };

const RAW_BODY_LIMIT = 256 * 1024;

/**
 * Webhook signatures are over the bytes sent, not over JSON we re-serialise, so webhook requests
 * keep their raw body before Fastify parses it. Other routes are untouched (no extra buffering).
 */
export function captureWebhookRawBody(server: FastifyInstance, prefix = '/webhooks/'): void {
  server.addHook('preParsing', async (request: RawBodyRequest, _reply, payload) => {
    if (!request.url.startsWith(prefix)) return payload;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of payload) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      size += buf.length;
      if (size > RAW_BODY_LIMIT) throw Object.assign(new Error('Request body is too large'), { statusCode: 413 });
      chunks.push(buf);
    }
    request.rawBody = Buffer.concat(chunks);
    return Readable.from([request.rawBody]);
  });
}
