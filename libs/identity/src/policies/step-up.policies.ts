import { PolicyViolation } from '@bss/platform';
import { IDENTITY_RULES } from '#identity/identity.errors';
import { isStepUpLabel, STEP_UP_LABELS, type StepUpLabel } from '#identity/domain/identity.values';

/** step_up.label.known: only the closed list of sensitive actions can be stepped up. */
export function assertStepUpLabel(label: unknown): StepUpLabel {
  if (!isStepUpLabel(label)) {
    throw new PolicyViolation(IDENTITY_RULES.stepUpUnknownLabel, `Unknown step-up action "${String(label)}"`, { label, known: STEP_UP_LABELS });
  }
  return label;
}
