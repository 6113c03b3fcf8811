import type { PortDirection } from './crm.values';
import type { PortRequestEntity } from './port-request.entity';
import type { PortRequestState } from './port-request.state';

export interface PortRequestView {
  id: string;
  direction: PortDirection;
  donorCarrier: string;
  donorMsisdn: string;
  targetSubscriptionId: string | null;
  requestedPortDate: string | null;
  state: PortRequestState;
  rejectionReason: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

export function toPortRequestView(p: PortRequestEntity): PortRequestView {
  return {
    id: p.id,
    direction: p.direction,
    donorCarrier: p.donorCarrier,
    donorMsisdn: p.donorMsisdn,
    targetSubscriptionId: p.targetSubscriptionId,
    requestedPortDate: p.requestedPortDate,
    state: p.state,
    rejectionReason: p.rejectionReason,
    createdAt: p.createdAt,
    completedAt: p.completedAt,
  };
}
