export * from './tmf.module';
export * from './tmf.errors';
export { HUB_APIS, HUB_EVENTS, listenerWants, type HubApi, type HubEventEnvelope } from './domain/hub-event';
export { RegisterHubListenerCommand, RegisterHubListenerInput, type HubListenerView } from './commands/register-hub-listener.command';
export { UnregisterHubListenerCommand, UnregisterHubListenerInput } from './commands/unregister-hub-listener.command';
export { UpdateHubListenerCommand, UpdateHubListenerInput } from './commands/update-hub-listener.command';
export { RelayHubEvents, type HubDeliveryJob } from './commands/relay-hub-events';
export { DeliverHubEvent, SIGNATURE_HEADER, signHubBody } from './commands/deliver-hub-event';
export { HubQueries } from './queries/hub.queries';
