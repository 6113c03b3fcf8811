// The operator handbook as a searchable index: chunking, Postgres full-text search, the knowledge.* agent tools.
export * from './knowledge.module';
export { KNOWLEDGE_KINDS, KIND_WEIGHTS, chunkMarkdown, githubAnchor, type DocChunk, type KnowledgeKind } from './domain/chunker';
export { corpusFiles, type CorpusFile } from './domain/corpus';
export { ReindexKnowledgeCommand, ReindexKnowledgeInput, reindexIn, type ReindexResult } from './commands/reindex-knowledge.command';
export { KnowledgeQueries, type KnowledgeChunkView, type KnowledgeHit } from './queries/knowledge.queries';
export { KNOWLEDGE_TOOLS, KnowledgeGetInput, KnowledgeSearchInput } from './tools/knowledge-tools';
