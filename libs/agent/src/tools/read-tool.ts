import type { ClassConstructor } from 'class-transformer';
import { describeTool } from './describe';
import { inputSchemaOf } from './input-schema';
import type { ReadHandler, ToolAudience, ToolDescriptor } from './tool-descriptor';

export interface ReadToolSpec<I extends object> {
  name: string;
  summary: string;
  returns: string;
  errors?: string;
  input: ClassConstructor<I>;
  audience?: ToolAudience;
  destructive?: boolean;
  kind?: 'read' | 'write';
  delegatesTo?: readonly string[];
  run: (...args: Parameters<ReadHandler>) => Promise<unknown>;
}

/** A tool over the context queries (or a customer wrapper), declared here as data. */
export function defineTool<I extends object>(spec: ReadToolSpec<I>): ToolDescriptor {
  const inputSchema = inputSchemaOf(spec.input);
  return {
    name: spec.name,
    description: describeTool({ summary: spec.summary, returns: spec.returns, errors: spec.errors, destructive: spec.destructive }, inputSchema),
    inputSchema,
    input: spec.input,
    destructive: spec.destructive ?? false,
    hidden: false,
    audience: spec.audience ?? 'operator',
    kind: spec.kind ?? 'read',
    execution: { kind: 'read', run: spec.run },
    ...(spec.delegatesTo ? { delegatesTo: spec.delegatesTo } : {}),
  };
}

/** Input of a tool that takes no arguments. */
export class NoInput {}
