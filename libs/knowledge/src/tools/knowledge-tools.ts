import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { defineTool, type ToolDescriptor, type ToolRuntime } from '@bss/agent';
import { KNOWLEDGE_KINDS, type KnowledgeKind } from '#knowledge/domain/chunker';
import { KnowledgeQueries } from '#knowledge/queries/knowledge.queries';

export class KnowledgeSearchInput {
  @IsString() @MinLength(2) @MaxLength(300) query!: string;
  @IsOptional() @IsInt() @Min(1) @Max(10) k?: number;
  /** Omit unless the operator named a doc family. */
  @IsOptional() @IsArray() @ArrayMaxSize(3) @IsIn([...KNOWLEDGE_KINDS], { each: true }) kinds?: KnowledgeKind[];
}

export class KnowledgeGetInput {
  @IsString() @Matches(/^(docs\/[a-z0-9/_-]+|[A-Z_]+)\.md$/) sourcePath!: string;
  @IsString() @Matches(/^[\p{L}\p{N}_-]{1,120}$/u) anchor!: string;
}

const queries = (rt: ToolRuntime) => rt.services.get(KnowledgeQueries, { strict: false });

/** The operator's handbook tools; operator audience only, so the customer chat never sees them. */
export const KNOWLEDGE_TOOLS: readonly ToolDescriptor[] = [
  defineTool({
    name: 'knowledge.search',
    summary:
      'Search the operator handbook and runbooks (how to run, rotate tokens, stuck orders, port-outs, promos, renewals, provisioning faults, KYC, backups). Call it before any how-to answer and cite the anchor as <sourcePath>#<anchor>; answer from `content`. Omit `kinds` unless a doc family is named',
    returns: '{hits: [{anchor, sourcePath, headingPath, kind, snippet, content}], query}, best first',
    input: KnowledgeSearchInput,
    run: async (rt, i: KnowledgeSearchInput) => ({
      query: i.query,
      hits: (await queries(rt).search(i.query, { k: i.k ?? 5, kinds: i.kinds })).map(({ rank: _rank, ...hit }) => hit),
    }),
  }),
  defineTool({
    name: 'knowledge.get',
    summary: 'One handbook or runbook section in full, by the sourcePath and anchor a knowledge.search hit gave',
    returns: '{anchor, sourcePath, headingPath, kind, content, indexedAt}',
    input: KnowledgeGetInput,
    run: (rt, i: KnowledgeGetInput) => queries(rt).get(i.sourcePath, i.anchor),
  }),
];
