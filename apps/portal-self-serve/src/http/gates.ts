import { applyDecorators, Controller, SetMetadata, UseFilters, UseInterceptors, type Type } from '@nestjs/common';
import { PublicRoute } from '@bss/policies';
import { assertStepUpLabel, type StepUpLabel } from '@bss/identity';
import { PORTAL_ACTION, PortalActionInterceptor } from './portal-action.interceptor';
import { PortalExceptionFilter } from './portal-exception.filter';
import type { PortalRequest } from './portal-request';

/** public < session < verified < linked (a CRM customer behind the identity). */
export const GATE_LEVELS = ['public', 'session', 'verified', 'linked'] as const;
export type GateLevel = (typeof GATE_LEVELS)[number];

export const PORTAL_ROUTE = 'portal:route';
export const GATE = 'portal:gate';
export const STEP_UP = 'portal:step-up';
export const STEP_UP_WHEN = 'portal:step-up-when';
export const CONFIRM = 'portal:confirm';
export const GATE_MISS = 'portal:gate-miss';

/**
 * The declared public surface. A route may be public only if its path is listed here; any other
 * route declared public is still treated as needing a session.
 */
export const PUBLIC_PATHS: readonly string[] = ['/health', '/health/ready', '/health/live', '/welcome', '/plans', '/help', '/terms', '/privacy', '/chat'];
// `/chat/`: a visitor without a line chats in browse mode (catalog only); the controller binds the owner.
export const PUBLIC_PREFIXES: readonly string[] = ['/auth/', '/static/', '/plans/', '/webhooks/', '/chat/'];

export function isPublicPath(path: string): boolean {
  return PUBLIC_PATHS.includes(path) || PUBLIC_PREFIXES.some((p) => path.startsWith(p));
}

/**
 * A browser-facing controller: outside the machine API-token perimeter, behind the portal's own
 * gate (default `linked`), with HTML errors.
 */
export function PortalController(prefix = ''): ClassDecorator {
  return applyDecorators(Controller(prefix), PublicRoute(), SetMetadata(PORTAL_ROUTE, true), UseFilters(PortalExceptionFilter));
}

export const Gate = (level: GateLevel): MethodDecorator & ClassDecorator => SetMetadata(GATE, level);

/**
 * A caller who does not pass the gate gets the same 404 as for an unknown id instead of the login
 * redirect, so a resource URL never tells an outsider that it exists (JSON endpoints).
 */
export const NotFoundUnlessGated = (): MethodDecorator & ClassDecorator => SetMetadata(GATE_MISS, 'not_found');

/** Decides, for one request, whether a `@StepUp` route needs the code this time. */
export interface StepUpCondition {
  applies(req: PortalRequest): Promise<boolean>;
}

/**
 * The route is a sensitive write: a fresh emailed code for `label` first (§2.7). An unknown label
 * throws while the controller class is defined, so the app cannot start with one. With `when` (a
 * provider of the app) the gate asks it per request, for a write that moves money only for some
 * callers (an existing customer's signup order charges the card on file).
 */
export const StepUp = (label: StepUpLabel, when?: Type<StepUpCondition>): MethodDecorator =>
  applyDecorators(SetMetadata(STEP_UP, assertStepUpLabel(label)), ...(when ? [SetMetadata(STEP_UP_WHEN, when)] : []));

/**
 * Records one portal_action row per attempt of this write, success or failure. The interceptor is
 * bound to these routes only: every interceptor layer costs each request an async-context bind,
 * which public GETs should not pay for nothing.
 */
export const PortalAction = (action: string): MethodDecorator => applyDecorators(SetMetadata(PORTAL_ACTION, action), UseInterceptors(PortalActionInterceptor));

/**
 * Destructive or money-moving: the POST must carry `confirm=yes` (from the confirm panel), checked
 * before the step-up so an unconfirmed POST spends nothing. `back` is where the refusal lands.
 */
export const RequiresConfirm = (back: (params: Record<string, string>) => string): MethodDecorator => SetMetadata(CONFIRM, back);
