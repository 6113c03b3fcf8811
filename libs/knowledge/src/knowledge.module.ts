import { Module } from '@nestjs/common';
import { registerAgentTools } from '@bss/agent';
import { defineContext } from '@bss/platform';
import { reindexIn, ReindexKnowledgeCommand } from './commands/reindex-knowledge.command';
import { KnowledgeQueries } from './queries/knowledge.queries';
import { KNOWLEDGE_TOOLS } from './tools/knowledge-tools';

// Importing this lib offers knowledge.search / knowledge.get to the operator profile (never the customer's).
registerAgentTools(KNOWLEDGE_TOOLS);

/**
 * The seed indexes the handbook, so `npm start` and `bss admin seed` leave a searchable index;
 * unchanged chunks are skipped, so re-seeding costs one read of the files.
 */
export const KNOWLEDGE_CONTEXT = defineContext({
  name: 'knowledge',
  entities: [],
  seedOrder: 900,
  seed: async (tx, log) => {
    const [clock] = (await tx.query(
      `select case when mode = 'frozen' and frozen_at is not null then frozen_at else now() + offset_seconds * interval '1 second' end as now from platform.clock where id = 1`,
    )) as { now: Date }[];
    const result = await reindexIn(tx, clock?.now ?? new Date(0));
    log(`knowledge index: ${result.indexed} indexed, ${result.skipped} unchanged, ${result.deleted} removed`);
  },
});

@Module({
  providers: [KnowledgeQueries, ReindexKnowledgeCommand],
  exports: [KnowledgeQueries, ReindexKnowledgeCommand],
})
export class KnowledgeModule {}
