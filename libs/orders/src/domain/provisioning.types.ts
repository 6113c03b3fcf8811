/** Network tasks the simulator knows, with their simulated duration in seconds (×BSS_PROVISIONING_DELAY_SCALE). */
export const TASK_DURATION_SECONDS = {
  HLR_PROVISION: 0.5,
  PCRF_POLICY_PUSH: 0.3,
  OCS_BALANCE_INIT: 0.2,
  ESIM_PROFILE_PREPARE: 0.4,
  // Defined for completeness (line termination); SOM never emits it yet.
  HLR_DEPROVISION: 0.4,
} as const;
export type TaskType = keyof typeof TASK_DURATION_SECONDS;
export const TASK_TYPES = Object.keys(TASK_DURATION_SECONDS) as TaskType[];

export const FAULT_TYPES = ['fail_first_attempt', 'fail_always', 'stuck', 'slow'] as const;
export type FaultType = (typeof FAULT_TYPES)[number];

export const DEFAULT_MAX_ATTEMPTS = 3;

/** Seconds before automatic retry n (1-based) of a failed attempt, before the delay scale. */
export function retryBackoffSeconds(failedAttempt: number): number {
  return 2 ** (failedAttempt - 1);
}

/** Service specifications of the mobile bundle (catalog seeds them; SOM uses exactly these ids). */
export const SERVICE_SPECS = {
  cfsMobileBroadband: { id: 'SSPEC_CFS_MOBILE_BROADBAND', name: 'MobileBroadband' },
  rfsDataBearer: { id: 'SSPEC_RFS_DATA_BEARER', name: 'DataService' },
  rfsVoiceBearer: { id: 'SSPEC_RFS_VOICE_BEARER', name: 'VoiceService' },
} as const;

/**
 * Which RFS each activation task provisions: the data bearer needs its PCRF policy and OCS
 * balance; the voice bearer (the subscriber's network identity) needs the HLR record and the
 * eSIM profile. SOM creates exactly these four tasks per mobile broadband CFS.
 */
export const ACTIVATION_TASKS: readonly { taskType: TaskType; rfsSpecId: string }[] = [
  { taskType: 'HLR_PROVISION', rfsSpecId: SERVICE_SPECS.rfsVoiceBearer.id },
  { taskType: 'PCRF_POLICY_PUSH', rfsSpecId: SERVICE_SPECS.rfsDataBearer.id },
  { taskType: 'OCS_BALANCE_INIT', rfsSpecId: SERVICE_SPECS.rfsDataBearer.id },
  { taskType: 'ESIM_PROFILE_PREPARE', rfsSpecId: SERVICE_SPECS.rfsVoiceBearer.id },
];

/** Seeded fault rules (spec §9), all disabled. */
export const SEEDED_FAULT_RULES: readonly { id: string; taskType: TaskType; faultType: FaultType; probability: number }[] = [
  { id: 'FI_HLR_PROV_FAIL', taskType: 'HLR_PROVISION', faultType: 'fail_first_attempt', probability: 0.3 },
  { id: 'FI_HLR_PROV_STUCK', taskType: 'HLR_PROVISION', faultType: 'stuck', probability: 0.05 },
  { id: 'FI_PCRF_SLOW', taskType: 'PCRF_POLICY_PUSH', faultType: 'slow', probability: 0.2 },
  { id: 'FI_OCS_FAIL', taskType: 'OCS_BALANCE_INIT', faultType: 'fail_first_attempt', probability: 0.1 },
  { id: 'FI_ESIM_FAIL', taskType: 'ESIM_PROFILE_PREPARE', faultType: 'fail_first_attempt', probability: 0.15 },
  { id: 'FI_HLR_DEPROV_STUCK', taskType: 'HLR_DEPROVISION', faultType: 'stuck', probability: 0.05 },
];

/**
 * Every other (task type, fault) pair is seeded too, disabled with probability 1.0, so an
 * operator can switch any fault on with `bss prov fault` (e.g. `fail_always`, which §9 does not
 * seed): `FI_<TASK_TYPE>_<FAULT>`.
 */
export function allFaultRuleSeeds(): { id: string; taskType: TaskType; faultType: FaultType; probability: number }[] {
  const rows = [...SEEDED_FAULT_RULES];
  for (const taskType of TASK_TYPES) {
    for (const faultType of FAULT_TYPES) {
      if (rows.some((r) => r.taskType === taskType && r.faultType === faultType)) continue;
      rows.push({ id: `FI_${taskType}_${faultType.toUpperCase()}`, taskType, faultType, probability: 1 });
    }
  }
  return rows;
}
