import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from '@bss/policies';
import { SHARED_VIEWS_DIR } from '#web/http/bootstrap-http-app';

export const STATIC_DIR = join(SHARED_VIEWS_DIR, 'static');
export const STATIC_PREFIX = '/static';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

interface Asset {
  body: Buffer;
  type: string;
  version: string;
}

/**
 * The vendored front end (htmx, the design-system CSS, tiny scripts) read once at boot. URLs carry
 * a content hash (`/static/portal.css?v=1a2b3c4d`), so responses can be cached for a year and a
 * changed file is a new URL.
 */
export class StaticAssets {
  private readonly assets = new Map<string, Asset>();

  constructor(dir = STATIC_DIR) {
    for (const name of readdirSync(dir)) {
      const type = TYPES[extname(name)];
      if (!type) continue;
      const body = readFileSync(join(dir, name));
      this.assets.set(name, { body, type, version: createHash('sha256').update(body).digest('hex').slice(0, 10) });
    }
  }

  url(name: string): string {
    const asset = this.assets.get(name);
    if (!asset) throw new Error(`Unknown static asset ${name}`);
    return `${STATIC_PREFIX}/${name}?v=${asset.version}`;
  }

  get(name: string): Asset | undefined {
    return this.assets.get(name);
  }

  names(): string[] {
    return [...this.assets.keys()];
  }
}

@PublicRoute()
@Controller('static')
export class StaticAssetsController {
  constructor(private readonly assets: StaticAssets) {}

  @Get(':name')
  serve(@Param('name') name: string, @Res() reply: FastifyReply): void {
    const asset = this.assets.get(name);
    if (!asset) throw new NotFoundException();
    void reply
      .header('content-type', asset.type)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', `"${asset.version}"`)
      .send(asset.body);
  }
}
