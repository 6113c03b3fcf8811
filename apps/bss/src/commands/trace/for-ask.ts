import { Args } from '@oclif/core';
import { TraceQueries, type AgentTurnTraceView } from '@bss/audit';
import { truncateText, textWidth } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';
import { renderTrace, traceWidth, widthFlag } from '#bss/base/trace-render';

export default class TraceForAsk extends BssCommand<AgentTurnTraceView> {
  static override summary = 'One agent turn: the tools it called, then the audit events and job runs they caused, as swimlanes';
  static override examples = ['<%= config.bin %> trace for-ask 6f1c2d3e-…', '<%= config.bin %> trace for-ask 6f1c2d3e-… --width 100 --json'];
  static override args = {
    turnId: Args.string({ required: true, description: 'The turn id (`bss ask --json` → turnId, or the aggregate id of an agent.turn_completed event in `bss audit list --type agent.`)' }),
  };
  static override flags = { width: widthFlag };

  private width = 0;

  protected async execute(): Promise<AgentTurnTraceView> {
    const { args, flags } = await this.parse(TraceForAsk);
    this.width = traceWidth(flags.width);
    return (await this.service(TraceQueries)).forAgentTurn(args.turnId);
  }

  protected render(turn: AgentTurnTraceView): string {
    const head = [
      `Agent turn ${turn.turnId}  ·  ${turn.actor}  ·  ${turn.profile ?? '?'}  ·  model ${turn.model ?? '?'}`,
      turn.toolCalls.length ? 'Tools called:' : 'No tools called.',
      ...turn.toolCalls.map((c) => `  ${c.ok ? '✓' : '✗'} ${c.name}${c.error ? ` → ${c.error}` : ''}`),
      '',
    ].map((line) => (textWidth(line) > this.width ? truncateText(line, this.width, '…') : line));
    return [...head, renderTrace(turn, this.width)].join('\n');
  }
}
