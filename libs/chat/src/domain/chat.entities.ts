import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ChatFrameData, ChatFrameKind } from './chat-frame';

export type ConversationState = 'active' | 'closed';
export type TurnStatus = 'running' | 'done' | 'error';

/** One chat thread, bound to its owner: a customer id, or `anon-…` for a visitor without a line. */
@Entity({ schema: 'chat', name: 'conversation' })
export class ConversationEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ name: 'owner_key', type: 'text' }) ownerKey: string;
  @Column({ name: 'customer_id', type: 'text', nullable: true }) customerId: string | null;
  @Column({ type: 'text' }) state: ConversationState;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'last_active_at', type: 'timestamptz' }) lastActiveAt: Date;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}

/** One question and its answer; carries the owner too, so a turn is never read through another owner's thread. */
@Entity({ schema: 'chat', name: 'turn' })
export class TurnEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ name: 'conversation_id', type: 'text' }) conversationId: string;
  @Column({ name: 'owner_key', type: 'text' }) ownerKey: string;
  @Column({ type: 'text' }) prompt: string;
  @Column({ type: 'text', nullable: true }) reply: string | null;
  @Column({ type: 'text' }) status: TurnStatus;
  @Column({ type: 'jsonb' }) tools: { name: string; ok: boolean }[];
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
  /** While running: the heartbeat pushes it forward; past it, the process running the turn is gone and the sweeper ends it. */
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true }) leaseUntil: Date | null;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}

/** What the SSE stream sends, in order; persisted so a reconnecting browser replays it. */
@Entity({ schema: 'chat', name: 'frame' })
export class FrameEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'turn_id', type: 'text' }) turnId: string;
  @Column({ type: 'int' }) seq: number;
  @Column({ type: 'text' }) kind: ChatFrameKind;
  @Column({ type: 'jsonb' }) data: ChatFrameData;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}

/** A money-moving call the model proposed; it runs only after the customer presses Confirm. */
@Entity({ schema: 'chat', name: 'pending_action' })
export class PendingActionEntity {
  @PrimaryColumn({ name: 'conversation_id', type: 'text' }) conversationId: string;
  @Column({ name: 'tool_name', type: 'text' }) toolName: string;
  @Column({ name: 'tool_args', type: 'jsonb' }) toolArgs: Record<string, unknown>;
  @Column({ type: 'text' }) summary: string;
  @Column({ name: 'proposed_at', type: 'timestamptz' }) proposedAt: Date;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
}

export const CHAT_ENTITIES = [ConversationEntity, TurnEntity, FrameEntity, PendingActionEntity];
