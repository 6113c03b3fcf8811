import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ChatTurnRunner } from '@bss/chat';
import { projectRoot } from '@bss/platform';
import { createHttpApp, type HttpAppDefinition } from '@bss/web';
import type { PortalTestApp } from './portal-test-app';

export interface ChatAgentUnderTest {
  app: NestFastifyApplication;
  url: string;
  /** Resolves when every turn the service started has finished. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real chat-agent service (:9003's app) on a free port over the portal's test database, as a
 * second Nest app in this process (what `npm start` does), and the portal pointed at it. Loaded by
 * path: an app is never imported by another project.
 */
export async function startChatAgent(t: PortalTestApp): Promise<ChatAgentUnderTest> {
  const { APP_DEFINITION } = require(join(projectRoot(), 'apps', 'chat-agent', 'src', 'app.definition')) as { APP_DEFINITION: HttpAppDefinition };
  const app = await createHttpApp(APP_DEFINITION.module({ databaseUrl: t.url, workers: false }), { logRequests: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  process.env.BSS_CHAT_AGENT_URL = url;
  return {
    app,
    url,
    idle: () => app.get(ChatTurnRunner).idle(),
    close: async () => {
      await app.get(ChatTurnRunner).idle();
      await app.close();
      delete process.env.BSS_CHAT_AGENT_URL;
    },
  };
}
