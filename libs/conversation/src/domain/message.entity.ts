import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const MESSAGE_ROLES = ['user', 'assistant', 'tool'] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];

/** A tool call an assistant row made: what the model asked for, and how it ended. */
export interface RecordedToolCall {
  name: string;
  args: Record<string, unknown>;
  callId: string;
  ok?: boolean;
  /** The observation's error code when the call failed (`DESTRUCTIVE_OPERATION_BLOCKED`, `POLICY_VIOLATION`, …). */
  error?: string;
}

/**
 * A row of a conversation. Assistant rows carry the structured calls of their turn in
 * `toolCalls`; tool rows carry the tool's name and, in `toolCalls`, its arguments and full result.
 */
@Entity({ schema: 'cockpit', name: 'message' })
export class MessageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'tenant_id', type: 'text', default: 'DEFAULT' }) tenantId!: string;
  @Column({ name: 'session_id', type: 'text' }) sessionId!: string;
  @Column({ type: 'text' }) role!: MessageRole;
  @Column({ type: 'text' }) content!: string;
  @Column({ name: 'tool_name', type: 'text', nullable: true }) toolName!: string | null;
  @Column({ name: 'tool_calls_json', type: 'jsonb', nullable: true }) toolCalls!: unknown;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
