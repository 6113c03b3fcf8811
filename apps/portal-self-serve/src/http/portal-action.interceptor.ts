import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { catchError, concatMap, Observable } from 'rxjs';
import { RecordPortalActionCommand } from '@bss/identity';
import { clientIp, type PortalRequest } from './portal-request';

export const PORTAL_ACTION = 'portal:action';

/**
 * One `portal_auth.portal_action` row per write attempt (signup steps and post-login writes),
 * after the handler — in its own transaction (bound per route by `@PortalAction`), so failures are recorded too. Step-up routes
 * record whether a grant was spent (it is, even when the ownership check then fails).
 */
@Injectable()
export class PortalActionInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly record: RecordPortalActionCommand,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const action = this.reflector.get<string | undefined>(PORTAL_ACTION, context.getHandler());
    if (!action) return next.handle();
    const req = context.switchToHttp().getRequest<PortalRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const write = (success: boolean, errorRule?: string) =>
      this.record
        .execute({
          customerId: req.portal?.session?.customerId ?? undefined,
          identityId: req.portal?.session?.identityId,
          action,
          route: (req.routeOptions?.url ?? req.url).slice(0, 300),
          method: req.method,
          success,
          errorRule: errorRule?.slice(0, 200),
          stepUpConsumed: req.portal?.stepUpConsumed ?? false,
          ip: clientIp(req),
          userAgent: String(req.headers['user-agent'] ?? '').slice(0, 300) || undefined,
        })
        .catch(() => undefined);
    return next.handle().pipe(
      concatMap(async (value: unknown) => {
        await write(!req.portal?.actionError && reply.statusCode < 400, req.portal?.actionError);
        return value;
      }),
      catchError(async (error: unknown) => {
        const failure = error as { rule?: string; code?: string; name?: string };
        await write(false, req.portal?.actionError ?? failure?.rule ?? failure?.code ?? failure?.name ?? 'INTERNAL_ERROR');
        throw error;
      }),
    );
  }
}
