import { Flags } from '@oclif/core';
import { AgentRunner, PROFILE_NAMES, type JsonSchemaObject, type ProfileName } from '@bss/agent';
import { renderList } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export interface AgentToolView {
  name: string;
  kind: 'read' | 'write';
  destructive: boolean;
  description: string;
  inputSchema: JsonSchemaObject;
}

/** Listing tools executes nothing, so it needs no database. */
const NO_SERVICES = {
  get(): never {
    throw new Error('listing tools executes nothing');
  },
};

export default class AgentTools extends BssCommand<AgentToolView[]> {
  static override summary = 'List the tools a profile offers the model, with their JSON schemas';
  static override examples = ['<%= config.bin %> agent tools', '<%= config.bin %> agent tools --profile customer_self_serve --json'];
  static override flags = {
    profile: Flags.string({ description: 'Tool profile', options: [...PROFILE_NAMES], default: 'operator_cockpit' }),
  };

  protected async execute(): Promise<AgentToolView[]> {
    const { flags } = await this.parse(AgentTools);
    return AgentRunner.boot(NO_SERVICES)
      .tools(flags.profile as ProfileName)
      .map((t) => ({ name: t.name, kind: t.kind, destructive: t.destructive, description: t.description, inputSchema: t.inputSchema }));
  }

  protected render(tools: AgentToolView[]): string {
    return renderList(
      'Agent tools',
      [
        { header: 'Tool', value: (t) => t.name },
        { header: 'Kind', value: (t) => (t.destructive ? 'write (D)' : t.kind) },
        { header: 'Arguments', value: (t) => Object.keys(t.inputSchema.properties ?? {}).map((p) => (t.inputSchema.required?.includes(p) ? p : `${p}?`)).join(' '), maxWidth: 48 },
      ],
      tools,
    );
  }
}
