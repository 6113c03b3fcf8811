import { Flags } from '@oclif/core';
import { CreatePromotionCommand, type PromotionView } from '@bss/promos';
import { BssCommand } from '#bss/base/bss-command';

/** `--offerings PLAN_M,PLAN_L` → ['PLAN_M', 'PLAN_L']. */
export function csv(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((part) => part.trim()).filter(Boolean);
}

export default class PromoCreate extends BssCommand<PromotionView> {
  static override summary = 'Create a promotion: money terms in BSS, then its offer definition and code in the loyalty engine';
  static override description =
    'A two-step saga. If the loyalty step fails the promotion stays pending_link (no code resolves to it); ' +
    'fix the cause and run the same command again to resume.';
  static override examples = [
    '<%= config.bin %> promo create --id PROMO_WELCOME10 --type percent --value 10 --duration multi --periods 3 --audience public --code WELCOME10 --code-kind multi_use --name "Welcome 10%"',
    '<%= config.bin %> promo create --id PROMO_VIP --type absolute --value 5 --duration single --audience targeted --offerings PLAN_M,PLAN_L',
  ];
  static override flags = {
    id: Flags.string({ required: true, description: 'Promotion id, e.g. PROMO_WELCOME10' }),
    type: Flags.string({ required: true, description: 'percent | absolute' }),
    value: Flags.string({ required: true, description: 'Percent points (10, 12.5) or an amount (5.00)' }),
    duration: Flags.string({ required: true, description: 'single | multi | perpetual' }),
    periods: Flags.string({ description: 'Discounted periods, multi only (≥ 2)' }),
    audience: Flags.string({ description: 'public (default) | targeted' }),
    currency: Flags.string({ description: 'Default SGD' }),
    code: Flags.string({ description: 'What customers type (targeted default: the promotion id)' }),
    'code-kind': Flags.string({ description: 'single_use_shared | single_use_unique_per_customer | multi_use (targeted default: unique per customer)' }),
    offerings: Flags.string({ description: 'Comma-separated offering ids it applies to (default: all)' }),
    'valid-from': Flags.string({ description: 'ISO-8601 start (inclusive)' }),
    'valid-to': Flags.string({ description: 'ISO-8601 end (exclusive)' }),
    name: Flags.string({ description: 'Display name' }),
  };

  protected async execute(): Promise<PromotionView> {
    const { flags } = await this.parse(PromoCreate);
    // Strings stay strings: a malformed number comes back as the command's own InvalidInput.
    return (await this.service(CreatePromotionCommand)).execute({
      promotionId: flags.id,
      discountType: flags.type,
      discountValue: flags.value,
      durationKind: flags.duration,
      ...(flags.periods === undefined ? {} : { periodsTotal: Number(flags.periods) }),
      ...(flags.audience === undefined ? {} : { audience: flags.audience }),
      ...(flags.currency === undefined ? {} : { currency: flags.currency }),
      ...(flags.code === undefined ? {} : { code: flags.code }),
      ...(flags['code-kind'] === undefined ? {} : { codeKind: flags['code-kind'] }),
      ...(flags.offerings === undefined ? {} : { applicableOfferingIds: csv(flags.offerings) }),
      ...(flags['valid-from'] === undefined ? {} : { validFrom: flags['valid-from'] }),
      ...(flags['valid-to'] === undefined ? {} : { validTo: flags['valid-to'] }),
      ...(flags.name === undefined ? {} : { name: flags.name }),
    });
  }

  protected render(p: PromotionView): string {
    return `✓ Created promotion ${p.id} (audience=${p.audience}, code=${p.code ?? '—'}) — state=${p.state}, OD=${p.offerDefinitionId ?? '—'}`;
  }
}
