export * from './auth/auth-context';
export * from './fsm/assert-transition';
export * from './perimeter/service-tokens';
export * from './perimeter/public-route.decorator';
export * from './perimeter/request-auth';
export * from './perimeter/api-token.guard';
export * from './perimeter/auth-context.interceptor';
export * from './perimeter/perimeter.module';
