import { Module } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AgentRunner } from './turn/agent-runner';

/**
 * For Nest apps (the chat-agent service, the cockpit): one `AgentRunner` per process, booted with
 * the self-check, resolving commands and queries from the app's container. Import it next to the
 * BSS core modules so every verb is registered before the runner reads the spine.
 */
@Module({
  providers: [{ provide: AgentRunner, useFactory: (moduleRef: ModuleRef) => AgentRunner.boot(moduleRef), inject: [ModuleRef] }],
  exports: [AgentRunner],
})
export class AgentModule {}
