import { Injectable } from '@nestjs/common';
import type { KycCorroboration } from '#crm/policies/kyc.policies';

export type CorroborationLookup = (provider: string, corroborationId: string) => Promise<KycCorroboration | null>;

/**
 * Where a didit attestation's `corroborationId` is checked against the webhook the provider
 * sent us. The channel that receives provider webhooks registers the lookup; until one does,
 * nothing corroborates and didit attestations are refused.
 */
@Injectable()
export class KycCorroborationPort {
  private lookup?: CorroborationLookup;

  register(lookup: CorroborationLookup): void {
    this.lookup = lookup;
  }

  async find(provider: string, corroborationId: string): Promise<KycCorroboration | null> {
    return this.lookup ? this.lookup(provider, corroborationId) : null;
  }
}
