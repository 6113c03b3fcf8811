import { join } from 'node:path';
import { Flags } from '@oclif/core';
import { autonomyFromEnv, createChatModel } from '@bss/agent';
import { ConversationStore, SessionTurnService } from '@bss/conversation';
import { localStateDir } from '@bss/platform';
import { BssCommand } from '#bss/base/bss-command';
import { CockpitRepl } from '#bss/repl/cockpit-repl';
import { operatorCaller } from '#bss/repl/operator-identity';

export interface ReplResult {
  sessionId?: string;
}

export default class Repl extends BssCommand<ReplResult> {
  static override summary = 'The operator cockpit: plain language or slash commands in one session, nothing destructive without /confirm (also `bss` with no arguments)';
  static override enableJsonFlag = false;
  static override examples = [
    '<%= config.bin %>',
    '<%= config.bin %> --new --label "port-out backlog"',
    '<%= config.bin %> --session SES-20261205-3f9a0c12',
    "printf 'list customers\\n/exit\\n' | <%= config.bin %>",
  ];
  static override flags = {
    session: Flags.string({ description: 'Resume this session (SES-…)', exclusive: ['new'] }),
    new: Flags.boolean({ description: 'Open a new session instead of resuming the latest', default: false }),
    label: Flags.string({ description: 'Label of the new session' }),
    list: Flags.boolean({ description: 'List your open sessions and exit', default: false }),
    'allow-destructive': Flags.boolean({ description: 'Run destructive actions without /confirm (autonomy still applies)', default: false }),
  };

  protected async execute(): Promise<ReplResult> {
    const { flags } = await this.parse(Repl);
    // Both refuse to start on a bad setting before any session is touched.
    const autonomy = autonomyFromEnv(process.env, 'granular');
    const model = createChatModel();
    const caller = operatorCaller();
    const store = await this.service(ConversationStore);
    const repl = new CockpitRepl(store, await this.service(SessionTurnService), { input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) }, {
      caller,
      autonomy,
      allowDestructive: flags['allow-destructive'],
      model,
      historyFile: join(localStateDir(), 'repl_history'),
    });
    if (flags.list) {
      await repl.listSessions();
      return {};
    }
    await repl.start({ sessionId: flags.session, fresh: flags.new, label: flags.label });
    await repl.run();
    return { sessionId: repl.sessionId };
  }

  protected render(): undefined {
    return undefined;
  }
}
