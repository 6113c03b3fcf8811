import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { applySecurityHeaders } from '@bss/web';

/** The portal's security headers (CSP without inline script or style, no framing) on every cockpit response. */
@Injectable()
export class CockpitHttpSetup implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const server = this.adapterHost.httpAdapter?.getInstance?.();
    if (server && typeof server.addHook === 'function') applySecurityHeaders(server);
  }
}
