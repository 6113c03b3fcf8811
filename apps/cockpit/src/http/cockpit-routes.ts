import { applyDecorators, Controller, SetMetadata, UseFilters } from '@nestjs/common';
import { PublicRoute } from '@bss/policies';
import { CockpitExceptionFilter } from './cockpit-exception.filter';

export const COCKPIT_ROUTE = 'cockpit:route';
export const COCKPIT_PUBLIC = 'cockpit:public';
export const CONFIRM = 'cockpit:confirm';
export const BACK = 'cockpit:back';
export const ADMIN_ONLY = 'cockpit:admin-only';

export type BackUrl = (params: Record<string, string>) => string;

/**
 * A browser-facing cockpit controller: outside the machine API-token perimeter, behind the
 * cockpit gate (a signed-in operator unless `@SignedOut()`), with HTML errors.
 */
export function CockpitController(prefix = ''): ClassDecorator {
  return applyDecorators(Controller(prefix), PublicRoute(), SetMetadata(COCKPIT_ROUTE, true), UseFilters(CockpitExceptionFilter));
}

/** Reachable without a session: the sign-in pages only. */
export const SignedOut = (): MethodDecorator & ClassDecorator => SetMetadata(COCKPIT_PUBLIC, true);

/** Where a refused or failed write lands (its form's page); the flash rides along. */
export const Back = (back: BackUrl): MethodDecorator => SetMetadata(BACK, back);

/**
 * Destructive or money-moving: the POST must carry `confirm=yes`, which only the expanded confirm
 * panel sends. Without it the gate flashes and no command runs.
 */
export const RequiresConfirm = (back: BackUrl): MethodDecorator => applyDecorators(SetMetadata(CONFIRM, true), SetMetadata(BACK, back));

/** Catalog price and window changes: admins only. */
export const AdminOnly = (): MethodDecorator => SetMetadata(ADMIN_ONLY, true);

/** A write refused before any command ran (confirm gate, admin only, CSRF): flash on the form page. */
export class CockpitRefusal extends Error {
  constructor(
    readonly backUrl: string,
    readonly text: string,
    readonly status = 303,
  ) {
    super(text);
  }
}

/** The confirm gate's flash (behaviour 34): the same words on every danger route. */
export const CONFIRM_REQUIRED = 'This action needs the expanded confirm step: open the panel, read the consequence, then press the red button.';
