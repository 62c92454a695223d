import { afterEach, describe, expect, it } from 'vitest';
import { SeenIds } from '../../../src/adapters/discord/seen-ids.ts';
import type { StoreInput } from '../../../src/store/schema.ts';
import { smallStore } from '../../fixtures/knowledge-base.ts';
import { type RunningBot, startBot } from './harness.ts';

const STAFF = { userId: '1100000000000000003' };

let bot: RunningBot | undefined;

afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

function staffStore(): StoreInput {
  return { ...smallStore(), settings: { staff: [`discord:user:${STAFF.userId}`] } };
}

const snowflake = (n: number) => String(1_300_000_000_000_000_000n + BigInt(n));

describe('SeenIds', () => {
  it('GIVEN an id THEN it is taken the first time only', () => {
    const seen = new SeenIds();
    expect(seen.take(snowflake(1))).toBe('first');
    expect(seen.take(snowflake(2))).toBe('first');
    expect(seen.take(snowflake(1))).toBe('again');
  });

  it('GIVEN more ids than it remembers THEN it keeps no more, and a forgotten id is still refused', () => {
    const seen = new SeenIds(100);
    for (let n = 1; n <= 1000; n++) expect(seen.take(snowflake(n))).toBe('first');
    expect((seen as unknown as { taken: Set<bigint> }).taken.size).toBe(100);
    expect(seen.take(snowflake(1))).toBe('again');
    expect(seen.take(snowflake(900))).toBe('again');
    expect(seen.take(snowflake(1000))).toBe('again');
    expect(seen.take(snowflake(1001))).toBe('first');
  });

  it('GIVEN an id that is not a Discord snowflake THEN refused', () => {
    const seen = new SeenIds();
    for (const id of ['', 'abc', '-1', '1e5', ' 12', '123456789012345678901', 5, null, undefined, {}]) {
      expect(seen.take(id)).toBe('not-an-id');
    }
  });
});

describe('Discord events delivered twice', () => {
  it('GIVEN /twin-staff undo delivered twice THEN it runs once: one change undone, one audit entry', async () => {
    bot = await startBot({ data: staffStore() });
    const { fake } = bot;
    for (const name of ['Praag', 'Praga']) {
      const { id } = fake.slashCommand({
        command: 'twin-staff',
        subcommand: 'alias',
        options: { city: 'prague-cz', name },
        member: STAFF,
      });
      await fake.callbackOf(id);
    }
    const undo = fake.slashCommand({ command: 'twin-staff', subcommand: 'undo', member: STAFF });
    expect((await fake.callbackOf(undo.id)).body.data.embeds[0].description).toMatch(/^Undone: /);
    fake.replay(undo.id);
    fake.replay(undo.id);
    const { id } = fake.slashCommand({ command: 'twin', subcommand: 'city', options: { city: 'prague-cz' } });
    await fake.callbackOf(id);

    const audit = bot.store.catalog.data.audit;
    expect(audit.map((entry) => entry.action)).toEqual(['alias', 'alias', 'undo']);
    const names = bot.store.catalog.data.cities.find((c) => c.id === 'prague-cz')?.names ?? [];
    expect(names.map((n) => n.name)).toContain('Praag');
    expect(bot.logs.filter((line) => line.includes(`interaction ${undo.id} came again`))).toHaveLength(2);
    expect(fake.calls.filter((c) => c.path.startsWith(`/interactions/${undo.id}/`))).toHaveLength(1);
  });

  it('GIVEN a mention delivered twice THEN it is answered once', async () => {
    bot = await startBot();
    const { fake } = bot;
    const answers = () => fake.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages'));
    const ask = async (text: string) => {
      const id = fake.message({ content: `<@${fake.botUserId}> ${text}` });
      await fake.waitFor((c) => c.path.endsWith('/messages') && c.body.message_reference?.message_id === id);
      return id;
    };
    const messageId = await ask('city prague');
    // discord.js drops a repeat of a message it still caches (the last 200 of a channel): not this one.
    for (let n = 0; n < 200; n++) fake.message({ content: `chatter ${n}` });
    fake.replay(messageId);
    // Two later questions, answered after anything the replay would have started.
    await ask('city shanghai');
    await ask('city taipei');
    expect(answers().filter((c) => c.body.message_reference.message_id === messageId)).toHaveLength(1);
    expect(answers()).toHaveLength(3);
  });
});
