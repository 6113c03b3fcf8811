import { Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { RecordDiditWebhookCommand } from '@bss/signup';
import { PublicRoute, runWithAuth } from '@bss/policies';
import type { RawBodyRequest } from '#portal-self-serve/http/raw-body';

/**
 * Provider webhooks (§2, declared public under `/webhooks/`): outside the API-token perimeter and
 * the browser gate (no cookie, no CSRF) — the provider's signature over the raw body is the only
 * credential. A bad signature is 401 with nothing stored; a redelivered event is acknowledged.
 */
@PublicRoute()
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly didit: RecordDiditWebhookCommand) {}

  @Post('didit')
  @HttpCode(200)
  async diditWebhook(@Req() req: RawBodyRequest, @Headers('x-signature-v2') signature?: string): Promise<{ received: true; duplicate: boolean }> {
    const result = await runWithAuth({ actor: 'webhook:didit', channel: 'system', serviceIdentity: 'portal_self_serve' }, () =>
      this.didit.execute(req.rawBody ?? Buffer.alloc(0), signature),
    );
    return { received: true, duplicate: result.outcome === 'duplicate' };
  }
}
