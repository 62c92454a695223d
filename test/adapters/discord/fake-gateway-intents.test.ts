import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { FakeDiscord, INTENTS } from '../../fakes/discord.ts';
import { APPLICATION_ID, GUILD, TOKEN } from './harness.ts';

/**
 * The fake gateway must treat intents as Discord does, or the bot's tests would pass against a
 * Discord that does not exist: a privileged intent not granted closes with 4014, and without
 * Message Content a guild message that does not mention the bot arrives with empty content.
 */

type Dispatch = { t: string; d: { id?: string; content?: string } };

let fake: FakeDiscord | undefined;
let socket: WebSocket | undefined;

afterEach(async () => {
  socket?.terminate();
  await fake?.close();
  fake = socket = undefined;
});

/** A raw gateway client identifying with `intents`; resolves with its dispatches once READY came. */
async function identify(intents: number, granted: number) {
  fake = await FakeDiscord.start({
    token: TOKEN,
    applicationId: APPLICATION_ID,
    guilds: [GUILD],
    privilegedIntents: granted,
  });
  const ws = new WebSocket(`${fake.apiUrl.replace(/^http/, 'ws').replace(/\/api$/, '')}/gateway`);
  socket = ws;
  const dispatches: Dispatch[] = [];
  const closed = once(ws, 'close').then(([code]) => code as number);
  const ready = new Promise<void>((resolve) =>
    ws.on('message', (raw) => {
      const packet = JSON.parse(String(raw)) as Dispatch & { op: number };
      if (packet.op !== 0) return;
      dispatches.push(packet);
      if (packet.t === 'READY') resolve();
    }),
  );
  await once(ws, 'open');
  ws.send(JSON.stringify({ op: 2, d: { token: TOKEN, intents, properties: {} } }));
  return { fake, dispatches, ready, closed };
}

/** Waits for the MESSAGE_CREATE of message `id`. */
async function received(dispatches: Dispatch[], id: string): Promise<Dispatch['d']> {
  await expect.poll(() => dispatches.some((p) => p.d.id === id), { timeout: 2000 }).toBe(true);
  return dispatches.find((p) => p.d.id === id)?.d ?? {};
}

describe('the fake Discord gateway and intents', () => {
  it('GIVEN Message Content asked for but not granted THEN closes with 4014, as Discord does', async () => {
    const { closed } = await identify(INTENTS.Guilds | INTENTS.MessageContent, 0);
    expect(await Promise.race([closed, delay(2000, 'still open')])).toBe(4014);
  });

  it('GIVEN no Message Content THEN a guild message without a mention arrives empty; a mention and a DM keep their text', async () => {
    const client = await identify(INTENTS.Guilds | INTENTS.GuildMessages | INTENTS.DirectMessages, 0);
    await client.ready;
    const plain = client.fake.message({ content: 'partners prague' });
    const mention = client.fake.message({ content: `<@${client.fake.botUserId}> partners prague` });
    const dm = client.fake.directMessage({ content: 'partners prague' });
    expect((await received(client.dispatches, plain)).content).toBe('');
    expect((await received(client.dispatches, mention)).content).toContain('partners prague');
    expect((await received(client.dispatches, dm.id)).content).toBe('partners prague');
  });

  it('GIVEN Message Content granted and asked for THEN a guild message keeps its text', async () => {
    const all = INTENTS.Guilds | INTENTS.GuildMessages | INTENTS.MessageContent;
    const client = await identify(all, INTENTS.MessageContent);
    await client.ready;
    const plain = client.fake.message({ content: 'partners prague' });
    expect((await received(client.dispatches, plain)).content).toBe('partners prague');
  });
});
