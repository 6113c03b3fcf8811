import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { currentAuth, runWithAuth, type AuthContext } from '#policies/auth/auth-context';
import { authFromHeaders, type RequestWithAuth } from './request-auth';

/**
 * Runs the route handler inside the AuthContext the guards assembled, so commands, audit rows
 * and jobs enqueued by the request all see the same actor, channel and service identity. The
 * reply's `X-Request-Id` names the server's id for the request (the one `bss trace get` opens),
 * whatever id the caller sent.
 */
@Injectable()
export class AuthContextInterceptor implements NestInterceptor {
  constructor(private readonly defaults: Partial<AuthContext>) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<RequestWithAuth>();
    const auth: Partial<AuthContext> = { ...authFromHeaders(req, this.defaults.channel ?? 'system'), ...this.defaults, ...req.bssAuth };
    const reply = context.switchToHttp().getResponse<{ header?: (name: string, value: string) => unknown }>();
    return new Observable((subscriber) =>
      runWithAuth(auth, () => {
        reply.header?.('x-request-id', currentAuth().requestId);
        return next.handle().subscribe(subscriber);
      }),
    );
  }
}
