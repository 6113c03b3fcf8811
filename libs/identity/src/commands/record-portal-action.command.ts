import { Injectable } from '@nestjs/common';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { UnitOfWork } from '@bss/audit';
import { validateInput, Verb } from '@bss/platform';

export class RecordPortalActionInput {
  @IsOptional() @IsString() @MaxLength(64) customerId?: string;
  @IsOptional() @IsString() @MaxLength(64) identityId?: string;
  @IsString() @MaxLength(64) action!: string;
  @IsString() @MaxLength(300) route!: string;
  @IsString() @MaxLength(10) method!: string;
  @IsBoolean() success!: boolean;
  @IsOptional() @IsString() @MaxLength(200) errorRule?: string;
  @IsBoolean() stepUpConsumed!: boolean;
  @IsOptional() @IsString() @MaxLength(64) ip?: string;
  @IsOptional() @IsString() @MaxLength(300) userAgent?: string;
}

/**
 * The portal's own audit: one row per signup or post-login write attempt, success or failure. It
 * runs in its own transaction after the action, so a failed (rolled back) action is recorded too.
 */
@Verb({ name: 'portal_action.record', input: RecordPortalActionInput, summary: "Records one portal write attempt in the portal's own audit", cliExempt: 'written by the portal after each of its writes; not an action of its own' })
@Injectable()
export class RecordPortalActionCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: RecordPortalActionInput): Promise<void> {
    const dto = await validateInput(RecordPortalActionInput, input);
    await this.uow.run(async (w) => {
      await w.tx.query(
        `insert into portal_auth.portal_action (ts, customer_id, identity_id, action, route, method, success, error_rule, step_up_consumed, ip, user_agent, tenant_id)
         values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
        [w.now, dto.customerId ?? null, dto.identityId ?? null, dto.action, dto.route, dto.method, dto.success, dto.errorRule ?? null, dto.stepUpConsumed, dto.ip ?? null, dto.userAgent ?? null, w.auth.tenant],
      );
    });
  }
}
