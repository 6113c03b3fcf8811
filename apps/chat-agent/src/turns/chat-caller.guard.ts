import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ANON_KEY, CHAT_RULES, CUSTOMER_KEY } from '@bss/chat';
import { Forbidden, InvalidInput } from '@bss/platform';
import type { RequestWithAuth } from '@bss/policies';

export const CHAT_PROFILES = ['customer_self_serve', 'operator_cockpit'] as const;
export type ChatProfile = (typeof CHAT_PROFILES)[number];

/** Which agent profiles each service identity may run turns under (spec §5): the token decides, never the body. */
export const PROFILES_BY_IDENTITY: Readonly<Record<string, readonly ChatProfile[]>> = {
  portal_self_serve: ['customer_self_serve'],
  operator_cockpit: ['operator_cockpit'],
};

/** The operator a cockpit turn runs on behalf of: their sign-in (an email) or the trusted perimeter's `operator`. */
export const OPERATOR_KEY = /^[A-Za-z0-9._@+-]{1,200}$/;

const SERVES = 'chat-agent:serves-profiles';
/** The profiles a route serves; a route without it serves customer turns only (the owner-bound reads). */
export const ServesProfiles = (...profiles: ChatProfile[]): MethodDecorator => SetMetadata(SERVES, profiles);

export interface TurnRequestBody {
  profile?: unknown;
  ownerKey?: unknown;
  operator?: unknown;
}

export type ChatCallerRequest = RequestWithAuth & { body?: TurnRequestBody; query?: Record<string, unknown>; chatProfile?: ChatProfile };

/**
 * After the named-token perimeter (ApiTokenGuard, global) has set the caller's service identity:
 * the profile asked for (default `customer_self_serve`) must be one that identity may use and one
 * the route serves. Then whom the turn acts for is bound into the auth context the command runs
 * under, never taken later from the body:
 * - a customer turn names its owner — the customer the portal's session is bound to, or an
 *   `anon-…` visitor — as actor (channel `portal-chat`, customerId for a customer);
 * - an operator turn names the operator it runs on behalf of — the actor of every audit row of
 *   the turn (channel `cockpit`, service identity `operator_cockpit` from the token), no customer.
 */
@Injectable()
export class ChatCallerGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<ChatCallerRequest>();
    const identity = req.bssAuth?.serviceIdentity ?? '';
    const source = { ...(req.query ?? {}), ...(req.body ?? {}) } as TurnRequestBody;
    const profile = typeof source.profile === 'string' ? source.profile : 'customer_self_serve';
    if (!(PROFILES_BY_IDENTITY[identity] ?? []).includes(profile as ChatProfile)) {
      throw new Forbidden(`Service identity "${identity}" may not run ${profile} turns`, { identity, profile, rule: CHAT_RULES.profileNotAllowed });
    }
    const served = this.reflector.get<ChatProfile[] | undefined>(SERVES, context.getHandler()) ?? ['customer_self_serve'];
    if (!served.includes(profile as ChatProfile)) {
      throw new Forbidden(`This route serves ${served.join(' and ')} turns only`, { profile, rule: CHAT_RULES.profileNotAllowed });
    }
    req.chatProfile = profile as ChatProfile;
    if (profile === 'operator_cockpit') {
      const operator = typeof source.operator === 'string' ? source.operator : '';
      if (!OPERATOR_KEY.test(operator)) {
        throw new InvalidInput([{ field: 'operator', messages: ['operator must name the operator the turn runs for (their sign-in email, or "operator")'] }]);
      }
      req.bssAuth = { ...req.bssAuth, actor: operator, channel: 'cockpit', customerId: undefined };
      return true;
    }
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
