import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { applySecurityHeaders, assertPciSafeTemplates, SHARED_VIEWS_DIR } from '@bss/web';
import { PORTAL_VIEWS_DIR } from './portal-ui';
import { captureWebhookRawBody } from './raw-body';

/**
 * Boot-time hardening: refuse to start in real-payment production mode if any template renders a
 * card-number input (PCI guard), send the security headers on every response, and keep webhook
 * bodies raw for their signature checks.
 */
@Injectable()
export class PortalHttpSetup implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    assertPciSafeTemplates([PORTAL_VIEWS_DIR, SHARED_VIEWS_DIR]);
    const server = this.adapterHost.httpAdapter?.getInstance?.();
    if (server && typeof server.addHook === 'function') {
      applySecurityHeaders(server);
      captureWebhookRawBody(server);
    }
  }
}
