import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Unauthorized } from '@bss/platform';
import { PUBLIC_ROUTE } from './public-route.decorator';
import { authFromHeaders, type RequestWithAuth } from './request-auth';
import { ServiceTokens } from './service-tokens';

export const API_TOKEN_HEADER = 'x-bss-api-token';

/**
 * The perimeter for machine callers: `X-BSS-API-Token` must match a named token; the match
 * decides the service identity stamped on every audit row of the request.
 */
@Injectable()
export class ApiTokenGuard implements CanActivate {
  constructor(
    @Inject(ServiceTokens) private readonly tokens: ServiceTokens,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const req = context.switchToHttp().getRequest<RequestWithAuth>();
    const presented = req.headers[API_TOKEN_HEADER];
    const token = Array.isArray(presented) ? presented[0] : presented;
    if (!token) throw new Unauthorized('Missing X-BSS-API-Token header', { reason: 'AUTH_MISSING_TOKEN' });
    const identity = this.tokens.identify(token);
    if (!identity) throw new Unauthorized('Unknown API token', { reason: 'AUTH_INVALID_TOKEN' });
    req.bssAuth = { ...authFromHeaders(req, 'system'), ...req.bssAuth, serviceIdentity: identity };
    return true;
  }
}
