import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FixtureScript } from '@bss/agent';
import { runWithAuth } from '@bss/policies';
import type { TestApp } from '@bss/testing';
import { SendChatMessageCommand, type SendChatMessageInput } from '#chat/commands/send-chat-message.command';
import { ChatTurnRunner } from '#chat/commands/chat-turn-runner';
import { ChatQueries } from '#chat/queries/chat.queries';
import { CUSTOMER_KEY } from '#chat/domain/chat-owner';

const fixtureDir = mkdtempSync(join(tmpdir(), 'chat-fixture-'));
let fixtures = 0;

/** Writes a fixture script (spec §7) and points the model factory at it; returns a restore function. */
export function useFixtureModel(script: FixtureScript): () => void {
  const path = join(fixtureDir, `fixture-${(fixtures += 1)}.json`);
  writeFileSync(path, JSON.stringify(script));
  const previous = { provider: process.env.BSS_LLM_PROVIDER, path: process.env.BSS_LLM_FIXTURE_PATH };
  process.env.BSS_LLM_PROVIDER = 'fixture';
  process.env.BSS_LLM_FIXTURE_PATH = path;
  return () => {
    restoreEnv('BSS_LLM_PROVIDER', previous.provider);
    restoreEnv('BSS_LLM_FIXTURE_PATH', previous.path);
  };
}

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/**
 * Sends a message as the chat-agent service would for `ownerKey` (a customer is bound into the
 * auth context, as ChatCallerGuard does) and waits for the detached turn to finish.
 */
export async function chatTurn(app: TestApp, ownerKey: string, message: string, extra: Partial<SendChatMessageInput> = {}) {
  const customerId = CUSTOMER_KEY.test(ownerKey) ? ownerKey : undefined;
  const started = await runWithAuth({ actor: ownerKey, channel: 'portal-chat', serviceIdentity: 'portal_self_serve', customerId }, () =>
    app.get(SendChatMessageCommand).execute({ ownerKey, message, ...extra }),
  );
  await app.get(ChatTurnRunner).idle();
  const turn = await app.get(ChatQueries).ownedTurn(ownerKey, started.turnId);
  const frames = await app.get(ChatQueries).frames(started.turnId);
  return { ...started, turn, frames };
}
