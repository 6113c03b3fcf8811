import { createHash } from 'node:crypto';
import { Body, Controller, HttpCode, Post, type Type } from '@nestjs/common';
import { ReceivePartnerEventCommand, type HubApi } from '@bss/tmf';
import { InvalidInput } from '@bss/platform';
import { TMF_APIS, officialSwagger2 } from '#tmf-api/tmf/official-contract';
import { assertOfficialBody } from '#tmf-api/tmf/official-body';
import { objectBody } from '#tmf-api/tmf/tmf-list';
import { TmfOperation } from '#tmf-api/tmf/tmf-operation.decorator';

/** The APIs whose official `listener/<event>` operations we serve (TMF632 party events, TMF677 report request notifications). */
export const LISTENER_APIS: readonly HubApi[] = ['party', 'usageConsumption'];

interface ListenerOperation {
  /** `individualCreateEvent`, as in the path. */
  event: string;
  operationId: string;
  /** The official definition of the body, e.g. IndividualCreateEvent. */
  definition: string;
}

type OfficialPaths = Record<string, Record<string, { operationId: string; parameters?: { in: string; schema?: { $ref?: string } }[] }>>;

/** Every `POST /listener/<event>` operation of the official document, with the definition its body must match. */
export function listenerOperations(api: HubApi): ListenerOperation[] {
  const paths = officialSwagger2(api).paths as OfficialPaths;
  return Object.entries(paths)
    .filter(([path, ops]) => path.startsWith('/listener/') && ops.post)
    .map(([path, ops]) => {
      const ref = ops.post.parameters?.find((p) => p.in === 'body')?.schema?.$ref ?? '';
      return { event: path.slice('/listener/'.length), operationId: ops.post.operationId, definition: ref.replace('#/definitions/', '') };
    });
}

/**
 * `POST …/listener/<event>`: a partner notifies us of an event of its own (a party it changed, a report
 * request that completed on its side). The body must match the official event schema, and its
 * `eventType`, when given, the event the path names; it is stored in the listener inbox
 * (partner_event.receive, once per eventId; an event without one is keyed by the hash of its body,
 * so an identical redelivery is stored once too). Answers 201 with the official EventSubscription shape.
 */
function listenerController(api: HubApi): Type<unknown> {
  class ListenerController {
    constructor(readonly receive: ReceivePartnerEventCommand) {}
  }
  for (const op of listenerOperations(api)) {
    const eventType = `${op.event[0].toUpperCase()}${op.event.slice(1)}`;
    const path = `listener/${op.event}`;
    const handler = async function (this: ListenerController, body: unknown) {
      const event = objectBody(body);
      assertOfficialBody(api, op.definition, event);
      if (event.eventType !== undefined && event.eventType !== eventType) {
        throw new InvalidInput([{ field: 'eventType', messages: [`this listener receives ${eventType}, not ${String(event.eventType)}`] }]);
      }
      if (event.event === null || typeof event.event !== 'object' || Array.isArray(event.event)) {
        throw new InvalidInput([{ field: 'event', messages: ['event must be an object: the payload with the resource the event is about'] }]);
      }
      const eventId = typeof event.eventId === 'string' && event.eventId !== '' ? event.eventId : `sha256:${createHash('sha256').update(JSON.stringify(event)).digest('hex')}`;
      const stored = await this.receive.execute({ api, eventId, eventType, event });
      return { id: stored.id, callback: `${TMF_APIS[api].basePath}/${path}`, '@type': 'EventSubscription' };
    };
    Object.defineProperty(ListenerController.prototype, op.operationId, { value: handler, writable: true, configurable: true });
    const descriptor = Object.getOwnPropertyDescriptor(ListenerController.prototype, op.operationId)!;
    Body()(ListenerController.prototype, op.operationId, 0);
    Post(path)(ListenerController.prototype, op.operationId, descriptor);
    HttpCode(201)(ListenerController.prototype, op.operationId, descriptor);
    TmfOperation(op.operationId)(ListenerController.prototype, op.operationId, descriptor);
  }
  Controller(TMF_APIS[api].basePath)(ListenerController);
  // Nest reads constructor parameter types from metadata; a class built here has none.
  Reflect.defineMetadata('design:paramtypes', [ReceivePartnerEventCommand], ListenerController);
  Object.defineProperty(ListenerController, 'name', { value: `${api[0].toUpperCase()}${api.slice(1)}ListenerController` });
  return ListenerController;
}

export const LISTENER_CONTROLLERS: Type<unknown>[] = LISTENER_APIS.map(listenerController);
