import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { bssAppImports } from '@bss/core';
import { ClockController, HealthController, StaticAssets, StaticAssetsController } from '@bss/web';
import type { AppRuntimeOptions } from '@bss/web';
import { ChatReadModule } from '@bss/chat';
import { ChatAgentClient } from './chat/chat-agent.client';
import { ChatController } from './chat/chat.controller';
import { AuthController } from './auth/auth.controller';
import { PortalActionInterceptor } from './http/portal-action.interceptor';
import { PortalGateGuard } from './http/portal-gate.guard';
import { PortalHttpSetup } from './http/portal-http.setup';
import { PortalUi } from './http/portal-ui';
import { PlanCardsCache } from './public/plan-cards.cache';
import { PublicController } from './public/public.controller';
import { BillingController } from './selfcare/billing.controller';
import { DashboardController } from './selfcare/dashboard.controller';
import { LineController } from './selfcare/line.controller';
import { PaymentMethodsController } from './selfcare/payment-methods.controller';
import { ProfileController } from './selfcare/profile.controller';
import { SignupController } from './signup/signup.controller';
import { ExistingCustomerOrderStepUp } from './signup/existing-customer-order.step-up';
import { SignupSessionController } from './signup/signup-session.controller';
import { WebhooksController } from './webhooks/webhooks.controller';

/** Self-serve customer portal (9001): thin routes over the domain libraries. */
@Module({})
export class PortalAppModule {
  static forRoot(options: AppRuntimeOptions): DynamicModule {
    return {
      module: PortalAppModule,
      imports: [...bssAppImports({ name: 'portal-self-serve', channel: 'portal-self-serve', serviceIdentity: 'portal_self_serve' }, options), ChatReadModule],
      controllers: [
        HealthController,
        ClockController,
        StaticAssetsController,
        PublicController,
        AuthController,
        SignupController,
        SignupSessionController,
        DashboardController,
        LineController,
        PaymentMethodsController,
        ProfileController,
        BillingController,
        WebhooksController,
        ChatController,
      ],
      providers: [
        { provide: StaticAssets, useFactory: () => new StaticAssets() },
        PortalUi,
        PlanCardsCache,
        PortalHttpSetup,
        { provide: APP_GUARD, useClass: PortalGateGuard },
        PortalActionInterceptor,
        ExistingCustomerOrderStepUp,
        ChatAgentClient,
      ],
    };
  }
}
