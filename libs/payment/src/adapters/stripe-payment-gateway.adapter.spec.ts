import { chargeOutcome, StripePaymentGatewayAdapter, toMinorUnits } from './stripe-payment-gateway.adapter';

describe('StripePaymentGatewayAdapter (request construction only: no network here)', () => {
  const stripe = new StripePaymentGatewayAdapter({ apiKey: 'sk_test_123' });

  it('charges through a PaymentIntent with the idempotency key as a header and integer minor units', () => {
    const http = stripe.buildChargeRequest({ idempotencyKey: 'ATT-PAY-000001-r0', token: 'pm_card_visa', amount: '25.00', currency: 'SGD', reference: 'PAY-000001' });
    expect(http.url).toBe('https://api.stripe.com/v1/payment_intents');
    expect(http.method).toBe('POST');
    expect(http.headers).toEqual({
      Authorization: 'Bearer sk_test_123',
      'Content-Type': 'application/x-www-form-urlencoded',
      'Idempotency-Key': 'ATT-PAY-000001-r0',
    });
    expect(Object.fromEntries(new URLSearchParams(http.body))).toEqual({
      amount: '2500',
      currency: 'sgd',
      payment_method: 'pm_card_visa',
      'payment_method_types[]': 'card',
      confirm: 'true',
      off_session: 'true',
      'metadata[attempt_id]': 'PAY-000001',
    });
  });

  it('tokenizes through a PaymentMethod', () => {
    const http = stripe.buildTokenizeRequest({ cardNumber: '4242424242424242', expMonth: 12, expYear: 2030 });
    expect(http.url).toBe('https://api.stripe.com/v1/payment_methods');
    expect(http.headers['Idempotency-Key']).toBeUndefined();
    expect(Object.fromEntries(new URLSearchParams(http.body))).toEqual({ type: 'card', 'card[number]': '4242424242424242', 'card[exp_month]': '12', 'card[exp_year]': '2030' });
  });

  it('is unconfigured without a key, and honours a base URL (e.g. stripe-mock)', () => {
    expect(new StripePaymentGatewayAdapter({}).configured).toBe(false);
    expect(new StripePaymentGatewayAdapter({ apiKey: 'k', baseUrl: 'http://localhost:12111' }).buildTokenizeRequest({ cardNumber: '4242424242424242', expMonth: 1, expYear: 2030 }).url).toBe(
      'http://localhost:12111/v1/payment_methods',
    );
  });

  it('converts amounts to minor units without floating-point drift', () => {
    expect(toMinorUnits('25.00')).toBe(2500);
    expect(toMinorUnits('0.29')).toBe(29);
    expect(toMinorUnits('19.9')).toBe(1990);
    expect(toMinorUnits('1234567.89')).toBe(123456789);
  });

  it('maps answers: succeeded → approved, 402 → declined, other 4xx → errored, 429/5xx → unknown (retry with the key)', () => {
    expect(chargeOutcome(200, { id: 'pi_1', status: 'succeeded' })).toEqual({ status: 'approved', gatewayRef: 'pi_1', declineReason: null, declineCode: null });
    expect(chargeOutcome(402, { error: { code: 'card_declined', decline_code: 'generic_decline', payment_intent: { id: 'pi_2' } } })).toEqual({
      status: 'declined',
      gatewayRef: 'pi_2',
      declineReason: 'generic_decline',
      declineCode: 'card_declined',
    });
    expect(chargeOutcome(400, { error: { code: 'parameter_invalid_integer', message: 'bad amount' } })).toMatchObject({ status: 'errored', declineCode: 'parameter_invalid_integer' });
    expect(chargeOutcome(500, {})).toBeNull();
    expect(chargeOutcome(429, {})).toBeNull();
  });

  it('sends the built request with fetch and returns the outcome', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify({ id: 'pi_9', status: 'succeeded' }), { status: 200 });
    }) as unknown as typeof fetch;
    const adapter = new StripePaymentGatewayAdapter({ apiKey: 'sk_test_123', fetch: fakeFetch });
    const outcome = await adapter.charge({ idempotencyKey: 'k-1', token: 'pm_1', amount: '10.00', currency: 'SGD', reference: 'PAY-000009' });
    expect(outcome).toMatchObject({ status: 'approved', gatewayRef: 'pi_9' });
    expect((calls[0]?.init.headers as Record<string, string>)['Idempotency-Key']).toBe('k-1');
  });
});
