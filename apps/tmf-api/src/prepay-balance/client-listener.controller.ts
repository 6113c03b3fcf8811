import { Body, Controller, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ReceivePartnerEventCommand } from '@bss/tmf';
import { objectBody } from '#tmf-api/tmf/tmf-list';
import { TmfOperation } from '#tmf-api/tmf/tmf-operation.decorator';
import { TMF_BASE } from '#tmf-api/tmf/tmf-paths';

/**
 * TMF654 `POST /client/listener`: the listener endpoint a partner's balance system notifies (the
 * official document puts it on our side too). A ListenerRequest `{eventId, eventType, event}` is
 * stored in the inbox once per event id and recorded on the audit log (`partner_event.received`);
 * 201 either way, so a partner's redelivery is harmless.
 */
@Controller(TMF_BASE.prepayBalance)
export class ClientListenerController {
  constructor(private readonly receive: ReceivePartnerEventCommand) {}

  @Post('client/listener')
  @TmfOperation('createClientListener')
  async listen(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    const { eventId, eventType, event } = objectBody(body);
    // The command's validation names whatever is missing or of the wrong type (400).
    const received = await this.receive.execute({ api: 'prepayBalance', eventId: eventId as string, eventType: eventType as string, event: event as Record<string, unknown> });
    void reply.status(201);
    return { id: received.id, eventId: received.eventId, eventType: received.eventType, receivedAt: received.receivedAt.toISOString(), firstDelivery: received.firstDelivery };
  }
}
