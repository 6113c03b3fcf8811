import { PolicyViolation } from '@bss/platform';
import { kycConfigFromEnv } from '#signup/signup.config';
import { assertKycHandoffApproved, kycHandoffState } from './kyc-handoff.policies';

describe('Didit KYC handoff', () => {
  it('states: Approved → approved; Declined/Expired → failed; no or another decision → pending_kyc_handoff', () => {
    expect(kycHandoffState('Approved')).toBe('approved');
    expect(kycHandoffState('Declined')).toBe('failed');
    expect(kycHandoffState('Expired')).toBe('failed');
    expect(kycHandoffState('In Review')).toBe('pending_kyc_handoff');
    expect(kycHandoffState(null)).toBe('pending_kyc_handoff');
  });

  it('signup.kyc_handoff.approved allows an Approved decision for the session', () => {
    expect(() => assertKycHandoffApproved('SGN-0000000000000001', 'sess-1', 'Approved')).not.toThrow();
  });

  it('signup.kyc_handoff.approved refuses no session, no decision, or a decision other than Approved', () => {
    for (const [session, status] of [[null, 'Approved'], ['sess-1', null], ['sess-1', 'Declined'], ['sess-1', 'In Review']] as const) {
      try {
        assertKycHandoffApproved('SGN-0000000000000001', session, status);
        throw new Error('expected a refusal');
      } catch (error) {
        expect(error).toBeInstanceOf(PolicyViolation);
        expect((error as PolicyViolation).rule).toBe('signup.kyc_handoff.approved');
      }
    }
  });

  it('BSS_KYC_PROVIDER: prebaked by default; didit needs a verify URL and a webhook secret; unknown refused', () => {
    expect(kycConfigFromEnv({}).provider).toBe('prebaked');
    expect(() => kycConfigFromEnv({ BSS_KYC_PROVIDER: 'myinfo' })).toThrow(/BSS_KYC_PROVIDER/);
    expect(() => kycConfigFromEnv({ BSS_KYC_PROVIDER: 'didit', BSS_KYC_DIDIT_WEBHOOK_SECRET: 'x'.repeat(20) })).toThrow(/VERIFY_URL/);
    expect(() => kycConfigFromEnv({ BSS_KYC_PROVIDER: 'didit', BSS_KYC_DIDIT_VERIFY_URL: 'https://v.didit.me' })).toThrow(/WEBHOOK_SECRET/);
    expect(kycConfigFromEnv({ BSS_KYC_PROVIDER: 'didit', BSS_KYC_DIDIT_VERIFY_URL: 'https://v.didit.me/', BSS_KYC_DIDIT_WEBHOOK_SECRET: 'x'.repeat(20) })).toEqual({
      provider: 'didit',
      diditVerifyUrl: 'https://v.didit.me',
      diditWebhookSecret: 'x'.repeat(20),
    });
  });
});
