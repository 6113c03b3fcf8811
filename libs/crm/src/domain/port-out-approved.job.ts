/**
 * The job CRM enqueues when a port-out is approved; subscription handles it by terminating the
 * line (`reason=ported_out`, inventory kept). `eventId` is the `port.approved` event,
 * the handler's dedup key.
 */
export const PORT_OUT_APPROVED_QUEUE = 'crm.port_out_approved';

export interface PortOutApprovedJob {
  portRequestId: string;
  subscriptionId: string;
  msisdn: string;
  eventId: string;
}
