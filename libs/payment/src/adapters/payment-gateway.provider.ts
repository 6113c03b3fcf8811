import type { FactoryProvider } from '@nestjs/common';
import { ConfigInvalid, envString } from '@bss/platform';
import { TOKEN_PROVIDERS, type TokenProvider } from '#payment/domain/payment.values';
import { PaymentGateway } from '#payment/ports/payment-gateway.port';
import { ExternalCallLog } from '@bss/audit';
import { MockPaymentGatewayAdapter } from './mock-payment-gateway.adapter';
import { StripePaymentGatewayAdapter } from './stripe-payment-gateway.adapter';

export const PAYMENT_PROVIDER_ENV = 'BSS_PAYMENT_PROVIDER';
export const STRIPE_API_KEY_ENV = 'BSS_PAYMENT_STRIPE_API_KEY';
export const STRIPE_BASE_URL_ENV = 'BSS_PAYMENT_STRIPE_BASE_URL';

/** `BSS_PAYMENT_PROVIDER` (default mock): which provider tokens are minted and charged by. */
export function activePaymentProvider(): TokenProvider {
  const value = envString(PAYMENT_PROVIDER_ENV, 'mock');
  if (!(TOKEN_PROVIDERS as readonly string[]).includes(value)) {
    throw new ConfigInvalid(`${PAYMENT_PROVIDER_ENV} must be one of ${TOKEN_PROVIDERS.join(', ')}, got "${value}"`, { name: PAYMENT_PROVIDER_ENV });
  }
  return value as TokenProvider;
}

/** The process-wide PaymentGateway, chosen once at boot. */
export const PAYMENT_GATEWAY_PROVIDER: FactoryProvider<PaymentGateway> = {
  provide: PaymentGateway,
  inject: [MockPaymentGatewayAdapter, ExternalCallLog],
  useFactory: (mock: MockPaymentGatewayAdapter, calls: ExternalCallLog): PaymentGateway =>
    activePaymentProvider() === 'stripe'
      ? new StripePaymentGatewayAdapter({ apiKey: envString(STRIPE_API_KEY_ENV), baseUrl: envString(STRIPE_BASE_URL_ENV) }, calls)
      : mock,
};
