import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgentRunner, ToolRegistry, buildProfiles } from '@bss/agent';
import { createTestApp, type TestApp } from '@bss/testing';
import { ReindexKnowledgeCommand } from '#knowledge/commands/reindex-knowledge.command';
import { KnowledgeModule } from '#knowledge/knowledge.module';
import { KnowledgeQueries } from './knowledge.queries';

describe('knowledge index', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ imports: [KnowledgeModule] });
  });
  afterAll(() => app.close());

  it('is built by the seed from the real docs: "rotate api token" finds the runbook section first', async () => {
    const hits = await app.get(KnowledgeQueries).search('rotate api token', { k: 3 });
    expect(hits[0]).toMatchObject({ sourcePath: 'docs/runbooks/api-token-rotation.md', anchor: 'rotate-an-api-token', kind: 'runbook' });
    expect(hits[0]!.snippet).toContain('‹');
  });

  it('answers a question with filler words, and a cockpit-token question lands on the rotation runbook', async () => {
    const hits = await app.get(KnowledgeQueries).search('how do I rotate the cockpit token?', { k: 3 });
    expect(hits[0]!.sourcePath).toBe('docs/runbooks/api-token-rotation.md');
  });

  it('reindexes only what changed and deletes sections that are gone (behaviour 38)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kb-'));
    mkdirSync(join(root, 'docs/runbooks'), { recursive: true });
    writeFileSync(join(root, 'docs/handbook.md'), '# Handbook\n\nIntro.\n\n## Alpha\n\nAlpha text.\n\n### Beta\n\nBeta text.\n');
    writeFileSync(join(root, 'docs/runbooks/one.md'), '# One\n\n## Keep\n\nkept\n\n## Drop\n\ndropped zebra\n');
    const reindex = app.get(ReindexKnowledgeCommand);
    const first = await reindex.execute({}, { root });
    expect(first).toMatchObject({ files: 2, chunks: 6, indexed: 6, skipped: 0 });
    expect(await reindex.execute({}, { root })).toMatchObject({ indexed: 0, skipped: 6, deleted: 0 });
    writeFileSync(join(root, 'docs/runbooks/one.md'), '# One\n\n## Keep\n\nkept, edited\n');
    expect(await reindex.execute({}, { root })).toMatchObject({ chunks: 5, indexed: 1, skipped: 4, deleted: 1 });
    expect(await app.get(KnowledgeQueries).search('zebra')).toEqual([]);
    expect(await reindex.execute({ force: true }, { root })).toMatchObject({ indexed: 5, skipped: 0 });
  });

  it('weights kinds after the SQL limit: the handbook outranks a runbook on an equal raw rank (behaviour 37)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kb-'));
    mkdirSync(join(root, 'docs/runbooks'), { recursive: true });
    writeFileSync(join(root, 'docs/handbook.md'), '# H\n\n## Quokka care\n\nquokka habitat\n');
    writeFileSync(join(root, 'docs/runbooks/q.md'), '# Q\n\n## Quokka care\n\nquokka habitat\n');
    await app.get(ReindexKnowledgeCommand).execute({}, { root });
    const hits = await app.get(KnowledgeQueries).search('quokka habitat');
    expect(hits.map((h) => h.kind)).toEqual(['handbook', 'runbook']);
    expect(await app.get(KnowledgeQueries).search('quokka habitat', { kinds: ['runbook'] })).toHaveLength(1);
    expect((await app.get(KnowledgeQueries).get('docs/runbooks/q.md', 'quokka-care')).content).toBe('## Quokka care\n\nquokka habitat');
  });

  it('offers knowledge.search and knowledge.get to the operator profile only', async () => {
    const profiles = buildProfiles(ToolRegistry.fromSpine());
    expect(profiles.operator_cockpit).toEqual(expect.arrayContaining(['knowledge.search', 'knowledge.get']));
    expect(profiles.customer_self_serve.filter((t) => t.startsWith('knowledge.'))).toEqual([]);
    await app.get(ReindexKnowledgeCommand).execute(); // the specs above indexed scratch folders
    const runner = AgentRunner.boot(app.context);
    const events = [];
    for await (const e of runner.runTurn({
      prompt: 'how do I rotate the cockpit token?',
      profile: 'operator_cockpit',
      caller: { actor: 'ops-ada', channel: 'cli-repl', serviceIdentity: 'operator_cockpit' },
      allowDestructive: false,
      autonomy: 'granular',
    })) events.push(e);
    expect(events.find((e) => e.type === 'tool_call_started')).toMatchObject({ name: 'knowledge.search' });
    expect(events.at(-1)).toMatchObject({ type: 'final_message', text: expect.stringContaining('(see docs/runbooks/api-token-rotation.md#') });
  });
});
