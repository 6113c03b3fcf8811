import { Controller, RequestMapping, RequestMethod, Res, type Type } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { HubApi } from '@bss/tmf';
import { TMF_APIS } from '#tmf-api/tmf/official-contract';
import { tmfError } from '#tmf-api/tmf/tmf-error.shape';
import { TmfNotServed } from '#tmf-api/tmf/tmf-operation.decorator';

interface NotServed {
  api: HubApi;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As in the official document, `{param}` style. */
  path: string;
  operationId: string;
  /** 405: the operation makes no sense for this resource here; 501: it could, but no domain command does it yet. */
  status: 405 | 501;
  reason: string;
}

/** Every official operation this app answers with a TMF error instead of serving it, and why. */
export const NOT_SERVED_OPERATIONS: readonly NotServed[] = [];

/** One controller per API that answers its not-served operations with the TMF error and the reason. */
function notServedController(api: HubApi): Type<unknown> {
  class NotServedController {}
  for (const op of NOT_SERVED_OPERATIONS.filter((o) => o.api === api)) {
    const handler = (reply: FastifyReply) => {
      void reply.status(op.status);
      return tmfError(op.status, op.status === 405 ? 'tmf.method_not_allowed' : 'tmf.not_implemented', `${op.method} ${op.path} is not served: ${op.reason}`);
    };
    Object.defineProperty(NotServedController.prototype, op.operationId, { value: handler, writable: true, configurable: true });
    const descriptor = Object.getOwnPropertyDescriptor(NotServedController.prototype, op.operationId)!;
    Res({ passthrough: true })(NotServedController.prototype, op.operationId, 0);
    RequestMapping({ path: op.path.replace(/\{(\w+)\}/g, ':$1'), method: RequestMethod[op.method] })(NotServedController.prototype, op.operationId, descriptor);
    TmfNotServed(op.operationId, op.status, op.reason)(NotServedController.prototype, op.operationId, descriptor);
  }
  Controller(TMF_APIS[api].basePath)(NotServedController);
  Object.defineProperty(NotServedController, 'name', { value: `${api[0].toUpperCase()}${api.slice(1)}NotServedController` });
  return NotServedController;
}

export const NOT_SERVED_CONTROLLERS: Type<unknown>[] = (Object.keys(TMF_APIS) as HubApi[]).map(notServedController);
