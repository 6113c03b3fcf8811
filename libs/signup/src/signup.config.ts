import { ConfigInvalid } from '@bss/platform';

export const KYC_PROVIDER_NAMES = ['prebaked', 'didit'] as const;
export type KycProviderName = (typeof KYC_PROVIDER_NAMES)[number];

/** `BSS_KYC_PROVIDER`: `prebaked` attests at once (development); `didit` hands off to Didit's hosted flow. */
export interface KycConfig {
  provider: KycProviderName;
  /** Didit's hosted verification page; the session id is appended as the last path segment. */
  diditVerifyUrl: string;
  /** Keys the HMAC-SHA256 of each Didit webhook body (`X-Signature-V2`); empty → every webhook is refused. */
  diditWebhookSecret: string;
}

/** Every tunable of the signup funnel, read once at boot. */
export interface SignupConfig {
  kyc: KycConfig;
}

export const SIGNUP_CONFIG = Symbol('SIGNUP_CONFIG');

/** Didit mode cannot run without somewhere to send the customer and a way to trust the answer. */
export function kycConfigFromEnv(env: NodeJS.ProcessEnv = process.env): KycConfig {
  const provider = (env.BSS_KYC_PROVIDER || 'prebaked').trim().toLowerCase();
  if (!(KYC_PROVIDER_NAMES as readonly string[]).includes(provider)) {
    throw new ConfigInvalid(`BSS_KYC_PROVIDER must be one of ${KYC_PROVIDER_NAMES.join(', ')}, not "${provider}"`);
  }
  const config: KycConfig = {
    provider: provider as KycProviderName,
    diditVerifyUrl: (env.BSS_KYC_DIDIT_VERIFY_URL ?? '').trim().replace(/\/+$/, ''),
    diditWebhookSecret: env.BSS_KYC_DIDIT_WEBHOOK_SECRET ?? '',
  };
  if (config.provider === 'didit') {
    if (!/^https?:\/\/\S+$/.test(config.diditVerifyUrl)) throw new ConfigInvalid('BSS_KYC_PROVIDER=didit needs BSS_KYC_DIDIT_VERIFY_URL (http(s) URL)');
    if (config.diditWebhookSecret.length < 16) throw new ConfigInvalid('BSS_KYC_PROVIDER=didit needs BSS_KYC_DIDIT_WEBHOOK_SECRET (at least 16 characters)');
  }
  return config;
}

export function signupConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SignupConfig {
  return { kyc: kycConfigFromEnv(env) };
}
