import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'bss:public-route';

/** Exempts a route from the API-token perimeter (health checks, browser pages with their own gate). */
export const PublicRoute = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
