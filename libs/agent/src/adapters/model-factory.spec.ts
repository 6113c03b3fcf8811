import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AIMessage, HumanMessage, SystemMessage } from '@langchain/core/messages';
import { createChatModel, llmProviderOf } from './model-factory';

const dir = mkdtempSync(join(tmpdir(), 'fixture-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('model factory', () => {
  it('defaults to the offline model, and to the fixture when only a fixture path is set', () => {
    expect(llmProviderOf({})).toBe('offline');
    expect(llmProviderOf({ BSS_LLM_FIXTURE_PATH: '/x.json' })).toBe('fixture');
    expect(llmProviderOf({ BSS_LLM_PROVIDER: ' OpenAI ' })).toBe('openai');
  });

  it('refuses an unknown provider with a clear startup error', () => {
    expect(() => createChatModel({ BSS_LLM_PROVIDER: 'gpt' })).toThrow(/BSS_LLM_PROVIDER must be one of offline, openai, fixture, got "gpt"/);
  });

  it('refuses a missing or malformed fixture file', () => {
    expect(() => createChatModel({ BSS_LLM_PROVIDER: 'fixture' })).toThrow(/needs BSS_LLM_FIXTURE_PATH/);
    expect(() => createChatModel({ BSS_LLM_FIXTURE_PATH: join(dir, 'missing.json') })).toThrow(/cannot be read/);
    expect(() => createChatModel({ BSS_LLM_FIXTURE_PATH: file('a.json', '{"responses": {}}') })).toThrow(/"responses" must be a list/);
    expect(() => createChatModel({ BSS_LLM_FIXTURE_PATH: file('b.json', '{"responses": [{"steps": []}]}') })).toThrow(/response 0 needs a string "match"/);
  });

  it('plays the first matching response step by step, then (done)', async () => {
    const path = file(
      'c.json',
      JSON.stringify({
        responses: [
          { match: 'LIST customers', steps: [{ tool_calls: [{ name: 'customer.list', args: {} }] }, { content: 'Three customers.' }] },
          { match: 'list', steps: [{ content: 'second match never wins' }] },
        ],
      }),
    );
    const { model } = createChatModel({ BSS_LLM_FIXTURE_PATH: path });
    const first = [new SystemMessage('sys'), new HumanMessage('Please list customers')];
    const step1 = await model.invoke(first);
    expect(step1.tool_calls).toEqual([{ name: 'customer.list', args: {}, id: 'mock_call_0_0', type: 'tool_call' }]);
    const step2 = await model.invoke([...first, new AIMessage({ content: '', tool_calls: step1.tool_calls })]);
    expect(step2.text).toBe('Three customers.');
    const step3 = await model.invoke([...first, step1, step2]);
    expect(step3.text).toBe('(done)');
  });
});
