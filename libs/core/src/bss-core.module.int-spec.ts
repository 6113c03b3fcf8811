import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Database, JobQueue } from '@bss/platform';
import { createTestDatabase } from '@bss/testing';
import { TMF_QUEUES } from '@bss/tmf';
import { bssAppImports } from '#core/bss-core.module';

describe('BssCoreModule links the TMF hub', () => {
  let app: INestApplicationContext;

  beforeAll(async () => {
    process.env.BSS_API_TOKEN ??= 'c'.repeat(48);
    const imports = bssAppImports({ name: 'core-hub-spec', channel: 'system', serviceIdentity: 'default' }, { databaseUrl: await createTestDatabase(), workers: true });
    app = await NestFactory.createApplicationContext({ module: class CoreOnly {}, imports } as never, { logger: false });
    await app.init();
  });
  afterAll(() => app.close());

  it('so any worker process (the cockpit in npm start) relays and delivers hub events', async () => {
    expect(app.get(JobQueue).queues()).toEqual(expect.arrayContaining([TMF_QUEUES.relay, TMF_QUEUES.deliver]));
    const schedules = await app.get(Database).query<{ name: string }>(`select name from pgboss.schedule where name = $1`, [TMF_QUEUES.relay]);
    expect(schedules).toHaveLength(1);
  });
});
