import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ANON_KEY, CUSTOMER_KEY } from '@bss/chat';
import { Forbidden, InvalidInput } from '@bss/platform';
import type { RequestWithAuth } from '@bss/policies';

/** Which agent profiles each service identity may run turns under (spec §5): the token decides, never the body. */
export const PROFILES_BY_IDENTITY: Readonly<Record<string, readonly string[]>> = {
  portal_self_serve: ['customer_self_serve'],
  operator_cockpit: ['operator_cockpit'],
};

export interface TurnRequestBody {
  profile?: unknown;
  ownerKey?: unknown;
}

/**
 * After the named-token perimeter (ApiTokenGuard, global) has set the caller's service identity:
 * the profile asked for must be one that identity may use, and a customer turn names its owner —
 * the customer the caller's session is bound to, or an `anon-…` visitor — which this guard binds
 * into the auth context the command runs under (actor, channel `portal-chat`, customerId).
 */
@Injectable()
export class ChatCallerGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<RequestWithAuth & { body?: TurnRequestBody; query?: Record<string, unknown> }>();
    const identity = req.bssAuth?.serviceIdentity ?? '';
    const source = { ...(req.query ?? {}), ...(req.body ?? {}) } as TurnRequestBody;
    const profile = typeof source.profile === 'string' ? source.profile : 'customer_self_serve';
    if (!(PROFILES_BY_IDENTITY[identity] ?? []).includes(profile)) {
      throw new Forbidden(`Service identity "${identity}" may not run ${profile} turns`, { identity, profile, rule: 'chat.profile.not_allowed' });
    }
    if (profile !== 'customer_self_serve') throw new Forbidden('This service hosts customer_self_serve turns only; the cockpit runs its own', { profile });
    const owner = typeof source.ownerKey === 'string' ? source.ownerKey : '';
    if (!CUSTOMER_KEY.test(owner) && !ANON_KEY.test(owner)) {
      throw new InvalidInput([{ field: 'ownerKey', messages: ['ownerKey must be the session customer (CUST-…) or anon-…'] }]);
    }
    req.bssAuth = {
      ...req.bssAuth,
      actor: owner,
      channel: 'portal-chat',
      customerId: CUSTOMER_KEY.test(owner) ? owner : undefined,
    };
    return true;
  }
}
