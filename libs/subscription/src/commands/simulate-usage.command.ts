import { Injectable } from '@nestjs/common';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { WriteScope } from '@bss/audit';
import { InvalidInput, validateInput, Verb } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { ALLOWANCE_UNITS, type AllowanceUnit } from '#subscription/domain/balance.calc';
import { unitOfEventType } from '#subscription/domain/rating.calc';
import { MSISDN_PATTERN, SUBSCRIPTION_ID_PATTERN } from '#subscription/domain/subscription.ids';
import { assertPositiveQuantity, assertValidEventType } from '#subscription/policies/usage.policies';
import { rateUsageBatch, type PendingUsage, type RecordUsageResult, type UsageOutcome } from './rate-usage-batch';
import { UsageBatcher } from './usage-batcher';

export type { RecordUsageResult, UsageOutcome } from './rate-usage-batch';

export const USAGE_SOURCES = ['simulator', 'cli', 'scenario', 'mediation'] as const;
export type UsageSource = (typeof USAGE_SOURCES)[number];

/** A TMF635 usage event as mediation receives it. */
export class SimulateUsageInput {
  @Matches(MSISDN_PATTERN, { message: 'msisdn must be 8–15 digits' }) msisdn!: string;
  /** Checked by `usage.record.valid_event_type`, so an unknown type is a named rule, not a format error. */
  @IsString() @MinLength(1) @MaxLength(40) eventType!: string;
  /** Checked by `usage.record.positive_quantity`. */
  @IsInt({ message: 'quantity must be a whole number in the unit of the event type' }) quantity!: number;
  /** mb for data, minutes for voice, count for sms; defaults to that. */
  @IsOptional() @IsIn([...ALLOWANCE_UNITS]) unit?: AllowanceUnit;
  @IsOptional() @IsISO8601({ strict: true }, { message: 'eventTime must be an ISO-8601 date-time' }) eventTime?: string;
  /** The sender's event id: a redelivered event with the same id is recorded (and rated) once. */
  @IsOptional() @Matches(/^[A-Za-z0-9._:-]{1,100}$/, { message: 'eventId must be 1–100 letters, digits, . _ : -' }) eventId?: string;
  @IsOptional() @IsIn([...USAGE_SOURCES]) source?: UsageSource;
  @IsOptional() @IsString() @MaxLength(200) rawCdrRef?: string;
  @IsOptional() @IsBoolean() roamingIndicator?: boolean;
  /** The sender's enrichment; must match the line holding the MSISDN. */
  @IsOptional() @Matches(SUBSCRIPTION_ID_PATTERN, { message: 'subscriptionId must look like SUB-0001' }) subscriptionId?: string;
}

/**
 * Mediation + rating + balance update, online: checks 1–2 (`usage.record.positive_quantity`,
 * `usage.record.valid_event_type`) refuse before anything is written; the line checks, dedupe by
 * event id, rating, consume and block-on-exhaust run in one transaction with the line locked
 * (see {@link rateUsageBatch}). Concurrent events share transactions through the {@link UsageBatcher}.
 * Named after its verb, `bss usage simulate` (the CLI stands in for the network); the rule ids keep
 * `usage.record.*` because the batch mediation path rates with the same checks.
 */
@Verb({
  name: 'usage.simulate',
  input: SimulateUsageInput,
  summary: 'Send one usage event through mediation and rating, as the network would',
})
@Injectable()
export class SimulateUsageCommand {
  constructor(private readonly batcher: UsageBatcher) {}

  /** A refusal at the line checks is committed (no usage row, one `usage.rejected`) and then thrown. */
  async execute(input: SimulateUsageInput): Promise<RecordUsageResult> {
    const outcome = await this.batcher.submit(await pendingUsage(input));
    if (outcome.outcome === 'rejected') throw outcome.violation;
    return outcome;
  }

  /** Joins the caller's transaction; refusals come back as outcomes so the caller can commit their record. */
  async executeIn(w: WriteScope, input: SimulateUsageInput): Promise<UsageOutcome> {
    const [outcome] = await rateUsageBatch(w, [await pendingUsage(input)]);
    if (!outcome) throw new Error('rateUsageBatch returns one outcome per event');
    return outcome;
  }
}

async function pendingUsage(input: SimulateUsageInput): Promise<PendingUsage> {
  const dto = await validateInput(SimulateUsageInput, input);
  assertPositiveQuantity(dto.quantity);
  assertValidEventType(dto.eventType);
  const unit = unitOfEventType(dto.eventType);
  if (dto.unit !== undefined && dto.unit !== unit) {
    throw new InvalidInput([{ field: 'unit', messages: [`${dto.eventType} usage is measured in ${unit}, not ${dto.unit}`] }]);
  }
  return {
    msisdn: dto.msisdn,
    eventType: dto.eventType,
    quantity: dto.quantity,
    unit,
    eventTime: dto.eventTime ? new Date(dto.eventTime) : null,
    eventId: dto.eventId ?? null,
    source: dto.source ?? 'mediation',
    rawCdrRef: dto.rawCdrRef ?? null,
    roamingIndicator: dto.roamingIndicator ?? false,
    subscriptionId: dto.subscriptionId ?? null,
    auth: currentAuth(),
  };
}
