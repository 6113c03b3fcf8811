import { Injectable } from '@nestjs/common';
import { IsISO8601, IsOptional, IsString, Matches } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { validateInput, Verb } from '@bss/platform';
import { CATALOG_ID_PATTERN } from '#catalog/domain/catalog.types';
import { readOfferingView, type OfferingView } from '#catalog/queries/catalog.queries';
import { adminWindow, lockOffering } from './catalog-admin';

export class WindowOfferingInput {
  @IsString() @Matches(CATALOG_ID_PATTERN, { message: 'offeringId must be UPPER_SNAKE, e.g. PLAN_M' }) offeringId!: string;
  /** Omitted or null = on sale since forever. */
  @IsOptional() @IsISO8601({ strict: true }, { message: 'validFrom must be an ISO-8601 date-time' }) validFrom?: string | null;
  /** Exclusive; omitted or null = open-ended. */
  @IsOptional() @IsISO8601({ strict: true }, { message: 'validTo must be an ISO-8601 date-time' }) validTo?: string | null;
}

/** Sets when an offering is on sale; outside the window it drops out of the active catalog. */
@Verb({
  name: 'admin.catalog.window_offering',
  input: WindowOfferingInput,
  summary: 'Set when an offering is on sale; outside the window it leaves the active catalog',
})
@Injectable()
export class WindowOfferingCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: WindowOfferingInput): Promise<OfferingView> {
    const dto = await validateInput(WindowOfferingInput, input);
    return this.uow.run((w) => this.executeIn(w, dto));
  }

  async executeIn(w: WriteScope, dto: WindowOfferingInput): Promise<OfferingView> {
    const window = adminWindow(w, dto);
    const offering = await lockOffering(w, dto.offeringId);

    const previous = { validFrom: offering.validFrom?.toISOString() ?? null, validTo: offering.validTo?.toISOString() ?? null };
    offering.validFrom = window.validFrom;
    offering.validTo = window.validTo;
    await w.tx.save(offering);

    await w.emit({
      eventType: 'catalog.offering_windowed',
      aggregateType: 'product_offering',
      aggregateId: offering.id,
      payload: {
        offeringId: offering.id,
        validFrom: window.validFrom?.toISOString() ?? null,
        validTo: window.validTo?.toISOString() ?? null,
        previous,
      },
    });
    return readOfferingView(w.tx, offering);
  }
}
