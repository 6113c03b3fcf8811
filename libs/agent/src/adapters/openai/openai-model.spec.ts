import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IsString } from 'class-validator';
import { AgentRunner } from '#agent/turn/agent-runner';
import type { AgentEvent } from '#agent/turn/agent-events';
import { defineTool } from '#agent/tools/read-tool';
import { ToolRegistry } from '#agent/tools/tool-registry';
import { createOpenAiModel } from './openai-model';

class EchoInput {
  @IsString() text!: string;
}

/** A tool of the test's own (no domain involved): the adapter under test is the HTTP leg. */
const echo = defineTool({
  name: 'test.echo',
  summary: 'Echo the text back, to prove a streamed tool call reached the executor',
  returns: '{echoed}',
  input: EchoInput,
  run: async (_rt, i: EchoInput) => ({ echoed: i.text }),
});

type Behaviour = 'tool-then-text' | 'fail-500' | 'fail-401' | 'hang' | 'bad-json-args';

/** A small OpenAI-compatible server: real HTTP, answers streamed as SSE chunks like the real API. */
class FakeOpenAiServer {
  readonly requests: { path: string; body: Record<string, any> }[] = [];
  behaviour: Behaviour = 'tool-then-text';
  private server?: Server;
  private hung: ServerResponse[] = [];

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    this.hung.forEach((r) => r.destroy());
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw);
    this.requests.push({ path: req.url ?? '', body });
    if (this.behaviour === 'fail-500') {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'upstream exploded', type: 'server_error' } }));
      return;
    }
    if (this.behaviour === 'fail-401') {
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'invalid api key', type: 'invalid_request_error' } }));
      return;
    }
    if (this.behaviour === 'hang') {
      this.hung.push(res);
      return;
    }
    const answered = body.messages.some((m: { role: string }) => m.role === 'tool');
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const send = (choice: object | null, usage?: object) =>
      res.write(`data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: body.model, choices: choice ? [choice] : [], ...(usage ? { usage } : {}) })}\n\n`);
    if (!answered) {
      const args = this.behaviour === 'bad-json-args' ? ['not json', ' at all'] : ['{"te', 'xt": "hel', 'lo"}'];
      send({ index: 0, delta: { role: 'assistant', content: null, tool_calls: [{ index: 0, id: 'call_abc', type: 'function', function: { name: 'test__echo', arguments: '' } }] }, finish_reason: null });
      for (const part of args) send({ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: part } }] }, finish_reason: null });
      send({ index: 0, delta: {}, finish_reason: 'tool_calls' });
      send(null, { prompt_tokens: 50, completion_tokens: 7, total_tokens: 57 });
    } else {
      for (const part of ['The echo ', 'said hello.']) send({ index: 0, delta: { role: 'assistant', content: part }, finish_reason: null });
      send({ index: 0, delta: {}, finish_reason: 'stop' });
      send(null, { prompt_tokens: 80, completion_tokens: 5, total_tokens: 85 });
    }
    res.end('data: [DONE]\n\n');
  }
}

async function collect(events: AsyncIterable<AgentEvent>): Promise<AgentEvent[]> {
  const out: AgentEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

describe('openai adapter against a local OpenAI-compatible server', () => {
  const server = new FakeOpenAiServer();
  let baseUrl: string;
  const registry = new ToolRegistry([echo]);
  const runner = new AgentRunner(registry, { operator_cockpit: ['test.echo'], customer_self_serve: [] }, { get: () => { throw new Error('no services in this test'); } });
  const env = (extra: Record<string, string> = {}) => ({ BSS_LLM_BASE_URL: baseUrl, BSS_LLM_API_KEY: 'local-key', BSS_LLM_MODEL: 'local-model', BSS_LLM_MAX_RETRIES: '0', ...extra });
  const turn = (model = createOpenAiModel(env())) =>
    collect(runner.runTurn({ prompt: 'echo hello', profile: 'operator_cockpit', caller: { actor: 'ops', channel: 'cli', serviceIdentity: 'operator_cockpit' }, allowDestructive: false, autonomy: 'granular', model }));

  beforeAll(async () => {
    baseUrl = await server.start();
  });
  afterAll(() => server.stop());
  beforeEach(() => {
    server.requests.length = 0;
    server.behaviour = 'tool-then-text';
  });

  it('runs a streamed tool call over HTTP, feeds the result back and ends with the text and the summed usage', async () => {
    const events = await turn();
    expect(events.map((e) => e.type)).toEqual(['prompt_received', 'tool_call_started', 'tool_call_completed', 'turn_usage', 'final_message']);
    expect(events[1]).toMatchObject({ name: 'test.echo', args: { text: 'hello' }, callId: 'call_abc' });
    expect(events[2]).toMatchObject({ isError: false, resultFull: { echoed: 'hello' } });
    expect(events[3]).toEqual({ type: 'turn_usage', promptTokens: 130, completionTokens: 12, model: 'local-model', provider: 'openai' });
    expect(events[4]).toEqual({ type: 'final_message', text: 'The echo said hello.' });

    const [first, second] = server.requests;
    expect(first.path).toBe('/v1/chat/completions');
    expect(first.body).toMatchObject({ model: 'local-model', stream: true, temperature: 0, max_tokens: 2048 });
    expect(first.body.tools[0].function).toMatchObject({ name: 'test__echo', parameters: { type: 'object', required: ['text'] } });
    expect(second.body.messages.at(-1)).toMatchObject({ role: 'tool', tool_call_id: 'call_abc', content: '{"echoed":"hello"}' });
  });

  it('turns arguments that are not JSON into an INVALID_INPUT observation, not an exception', async () => {
    server.behaviour = 'bad-json-args';
    const events = await turn();
    const completed = events.find((e) => e.type === 'tool_call_completed');
    expect(completed).toMatchObject({ isError: true, error: 'INVALID_INPUT' });
    expect(events.at(-1)).toEqual({ type: 'final_message', text: 'The echo said hello.' });
  });

  it('ends the turn with one clear error event on a 500', async () => {
    server.behaviour = 'fail-500';
    const events = await turn();
    expect(events.map((e) => e.type)).toEqual(['prompt_received', 'turn_usage', 'error']);
    expect(events.at(-1)).toMatchObject({ type: 'error', message: expect.stringMatching(/^llm_error: HTTP 500/) });
  });

  it('ends the turn with one clear error event on a 4xx', async () => {
    server.behaviour = 'fail-401';
    const events = await turn();
    expect(events.at(-1)).toMatchObject({ type: 'error', message: expect.stringMatching(/^llm_error: HTTP 401/) });
  });

  it('ends the turn with an error event when the provider does not answer in time', async () => {
    server.behaviour = 'hang';
    const started = Date.now();
    const events = await turn(createOpenAiModel(env({ BSS_LLM_TIMEOUT_MS: '300' })));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(events.at(-1)).toMatchObject({ type: 'error', message: expect.stringMatching(/^llm_error: .*time/i) });
  });

  it('refuses to build without an API key', () => {
    expect(() => createOpenAiModel({ BSS_LLM_BASE_URL: baseUrl })).toThrow(/BSS_LLM_API_KEY/);
  });
});
