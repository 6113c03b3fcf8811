import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import type { AuthContext } from '#policies/auth/auth-context';
import { ApiTokenGuard } from './api-token.guard';
import { AuthContextInterceptor } from './auth-context.interceptor';
import { ServiceTokens } from './service-tokens';

/**
 * Every app's front door: validates the named tokens at boot (weak or placeholder tokens stop
 * the process), guards non-public routes with `X-BSS-API-Token`, and runs each request inside
 * its AuthContext. `defaults` name the app's own channel and identity for its public pages.
 */
@Module({})
export class PerimeterModule {
  static forApp(defaults: Pick<AuthContext, 'channel' | 'serviceIdentity'> & Partial<AuthContext>): DynamicModule {
    return {
      module: PerimeterModule,
      global: true,
      providers: [
        { provide: ServiceTokens, useFactory: () => ServiceTokens.fromEnv() },
        { provide: APP_GUARD, useClass: ApiTokenGuard },
        { provide: APP_INTERCEPTOR, useFactory: () => new AuthContextInterceptor(defaults) },
      ],
      exports: [ServiceTokens],
    };
  }
}
