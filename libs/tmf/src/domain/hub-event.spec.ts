import { HUB_EVENTS, listenerWants, toHubEnvelope } from './hub-event';

describe('hub events', () => {
  it('a listener without a query wants everything of its API; with eventType= only those', () => {
    expect(listenerWants(null, 'ProductOrderStateChangeEvent')).toBe(true);
    expect(listenerWants('eventType=ProductOrderStateChangeEvent', 'ProductOrderStateChangeEvent')).toBe(true);
    expect(listenerWants('eventType=ProductOrderCreateEvent,ProductOrderStateChangeEvent', 'ProductOrderStateChangeEvent')).toBe(true);
    expect(listenerWants('eventType=ProductOrderCreateEvent', 'ProductOrderStateChangeEvent')).toBe(false);
  });

  it('wraps a domain event as a TMF688 envelope naming the resource and its href', () => {
    const envelope = toHubEnvelope(
      { eventId: 'e-1', eventType: 'order.completed', aggregateId: 'ORD-0001', occurredAt: new Date('2026-01-01T00:00:00Z'), requestId: 'req-1', payload: { state: 'completed' } },
      HUB_EVENTS['order.completed'],
    );
    expect(envelope).toEqual({
      eventId: 'e-1',
      eventTime: '2026-01-01T00:00:00.000Z',
      eventType: 'ProductOrderStateChangeEvent',
      correlationId: 'req-1',
      domain: 'productOrdering',
      event: { productOrder: { id: 'ORD-0001', href: '/tmf-api/productOrdering/v4/productOrder/ORD-0001', bssEventType: 'order.completed', state: 'completed' } },
    });
  });
});
