import { Args, Flags } from '@oclif/core';
import { FAULT_TYPES, FaultProvisioningCommand, type FaultRuleView } from '@bss/orders';
import { InvalidInput } from '@bss/platform';
import { BssCommand, yesFlag } from '#bss/base/bss-command';

export default class ProvFault extends BssCommand<FaultRuleView> {
  static override summary = 'Switch a fault-injection rule of the provisioning simulator on or off';
  static override examples = [
    '<%= config.bin %> prov fault HLR_PROVISION fail_first_attempt --enable --probability 1 --yes',
    '<%= config.bin %> prov fault HLR_PROVISION stuck --disable --yes',
  ];
  static override args = {
    taskType: Args.string({ required: true, description: 'HLR_PROVISION, PCRF_POLICY_PUSH, OCS_BALANCE_INIT, ESIM_PROFILE_PREPARE, HLR_DEPROVISION' }),
    faultType: Args.string({ required: true, description: FAULT_TYPES.join(' | ') }),
  };
  static override flags = {
    enable: Flags.boolean({ description: 'Turn the rule on', exclusive: ['disable'] }),
    disable: Flags.boolean({ description: 'Turn the rule off', exclusive: ['enable'] }),
    probability: Flags.string({ char: 'p', description: 'Chance the fault fires, 0..1' }),
    yes: yesFlag,
  };

  protected async execute(): Promise<FaultRuleView> {
    const { args, flags } = await this.parse(ProvFault);
    const probability = flags.probability === undefined ? undefined : Number(flags.probability);
    if (probability !== undefined && !Number.isFinite(probability)) {
      throw new InvalidInput([{ field: 'probability', messages: [`probability must be a number between 0 and 1, got "${flags.probability}"`] }]);
    }
    this.requireYes(flags.yes, `prov fault ${args.taskType} ${args.faultType}`);
    const enabled = flags.enable ? true : flags.disable ? false : undefined;
    return (await this.service(FaultProvisioningCommand)).execute({
      taskType: args.taskType,
      faultType: args.faultType as FaultRuleView['faultType'],
      ...(enabled === undefined ? {} : { enabled }),
      ...(probability === undefined ? {} : { probability }),
    });
  }

  protected render(r: FaultRuleView): string {
    return `✓ ${r.id}  ${r.taskType} ${r.faultType}  ${r.enabled ? 'enabled' : 'disabled'}  p=${r.probability.toFixed(2)}`;
  }
}
