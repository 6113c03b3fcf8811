import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { runWithAuth, type AuthContext } from '#policies/auth/auth-context';
import { authFromHeaders, type RequestWithAuth } from './request-auth';

/**
 * Runs the route handler inside the AuthContext the guards assembled, so commands, audit rows
 * and jobs enqueued by the request all see the same actor, channel and service identity.
 */
@Injectable()
export class AuthContextInterceptor implements NestInterceptor {
  constructor(private readonly defaults: Partial<AuthContext>) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<RequestWithAuth>();
    const auth: Partial<AuthContext> = { ...authFromHeaders(req, this.defaults.channel ?? 'system'), ...this.defaults, ...req.bssAuth };
    return new Observable((subscriber) => runWithAuth(auth, () => next.handle().subscribe(subscriber)));
  }
}
