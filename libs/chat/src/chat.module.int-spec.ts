import { createTestCustomer } from '@bss/crm/testing';
import { forgetCustomers } from '@bss/platform';
import { createTestApp, type TestApp } from '@bss/testing';
import { ChatModule } from '#chat/chat.module';
import { chatTurn } from '#chat/testing';

/** Every chat row an owner has, by table (frames through their turns). */
async function chatRows(app: TestApp, ownerKey: string): Promise<Record<string, number>> {
  const [row] = await app.db.query<Record<string, number>>(
    `select (select count(*) from chat.conversation where owner_key = $1)::int as conversations,
            (select count(*) from chat.turn where owner_key = $1)::int as turns,
            (select count(*) from chat.frame f join chat.turn t on t.id = f.turn_id where t.owner_key = $1)::int as frames,
            (select count(*) from chat.request where owner_key = $1)::int as requests,
            (select count(*) from chat.usage where owner_key = $1)::int as usage`,
    [ownerKey],
  );
  return row!;
}

describe('chat forgets customers (bss admin demo reset)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ imports: [ChatModule] });
  });
  afterAll(() => app.close());

  it("removes a forgotten customer's conversations, turns, frames, request log and usage; another customer's chat stays", async () => {
    const forgotten = (await createTestCustomer(app)).id;
    const kept = (await createTestCustomer(app)).id;
    await chatTurn(app, forgotten, 'what plans do you have');
    await chatTurn(app, kept, 'what plans do you have');
    expect(Object.values(await chatRows(app, forgotten)).every((n) => n > 0)).toBe(true);
    const keptBefore = await chatRows(app, kept);

    const removed = await app.db.transaction((tx) => forgetCustomers(tx, [forgotten]));

    expect(removed).toMatchObject({ chatConversations: 1 });
    expect(await chatRows(app, forgotten)).toEqual({ conversations: 0, turns: 0, frames: 0, requests: 0, usage: 0 });
    expect(await chatRows(app, kept)).toEqual(keptBefore);
  }, 60_000);
});
