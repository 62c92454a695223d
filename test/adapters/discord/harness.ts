import type { RunningAdapter } from '../../../src/adapters/adapter.ts';
import { connectDiscord, type DiscordOptions } from '../../../src/adapters/discord/client.ts';
import type { DrawPicture } from '../../../src/adapters/picture.ts';
import type { Dispatcher } from '../../../src/core/dispatcher.ts';
import type { LogLevel } from '../../../src/core/logger.ts';
import { orderCities, partnershipId } from '../../../src/domain/partnership.ts';
import type { StoreInput } from '../../../src/store/schema.ts';
import type { Store } from '../../../src/store/store.ts';
import { FakeDiscord, type FakeDiscordOptions } from '../../fakes/discord.ts';
import { capturedLog } from '../../fixtures/captured-log.ts';
import { dispatcherFor, smallStore } from '../../fixtures/knowledge-base.ts';

export const TOKEN = 'MTIwMDAwMDAwMDAwMDAwMDAwMQ.fake-iat.fake-secret-for-tests';
export const APPLICATION_ID = '1200000000000000001';
export const GUILD = {
  id: '1500000000000000001',
  name: 'Twinning Club',
  roles: [
    { id: '1600000000000000001', name: 'Office' },
    { id: '1600000000000000002', name: 'Members' },
  ],
  channels: [{ id: '1400000000000000001', name: 'general' }],
};
export const OFFICE_ROLE = '1600000000000000001';
export const MEMBER_ROLE = '1600000000000000002';

export interface RunningBot {
  fake: FakeDiscord;
  store: Store;
  dispatcher: Dispatcher;
  bot: RunningAdapter;
  /** The messages logged, in order (see `captured` for the whole JSON lines). */
  logs: string[];
  captured: ReturnType<typeof capturedLog>;
  close(): Promise<void>;
}

/** The real discord.js client logged into a fake Discord, answering from a store of `data`. */
export async function startBot(
  options: {
    data?: StoreInput;
    fake?: Partial<FakeDiscordOptions>;
    logLevel?: LogLevel;
    /** Draws the answers' pictures; the real renderer unless given. */
    draw?: DrawPicture;
  } & Partial<DiscordOptions> = {},
): Promise<RunningBot> {
  const { data = smallStore(), fake: fakeOptions, logLevel = 'info', draw, ...discordOptions } = options;
  const fake = await FakeDiscord.start({
    token: TOKEN,
    applicationId: APPLICATION_ID,
    guilds: [GUILD],
    ...fakeOptions,
  });
  const { store, dispatcher } = await dispatcherFor(data);
  const captured = capturedLog(logLevel, [TOKEN]);
  const { log, lines: logs } = captured;
  try {
    const bot = await connectDiscord(
      { token: TOKEN, applicationId: APPLICATION_ID, apiUrl: fake.apiUrl },
      { dispatcher, log, ...(draw && { draw }) },
      discordOptions,
    );
    return {
      fake,
      store,
      dispatcher,
      bot,
      logs,
      captured,
      /** Stops everything; fails the test if the bot logged a failure it swallowed on the way. */
      async close() {
        await bot.stop();
        await fake.close();
        await store.close();
        const failures = logs.filter((line) => line.includes('failed'));
        if (failures.length > 0) throw new Error(`the bot logged failures: ${failures.join('; ')}`);
      },
    };
  } catch (error) {
    await fake.close();
    await store.close();
    throw error;
  }
}

/** A store with one city, Hubstadt (hub-de), and `count` partner cities named Partnerville 0, 1, .... */
export function hubWithPartners(count: number): StoreInput {
  const partners = Array.from({ length: count }, (_, i) => ({
    id: `partnerville-${i}-fr`,
    name: `Partnerville ${i}`,
    country: 'FR',
  }));
  return {
    version: 1,
    settings: { staff: [] },
    cities: [{ id: 'hub-de', name: 'Hubstadt', country: 'DE' }, ...partners],
    partnerships: partners.map((partner) => ({
      id: partnershipId('hub-de', partner.id),
      cities: orderCities('hub-de', partner.id),
      type: 'twin_town',
      milestones: [{ kind: 'signing', date: '1990-05-01' }],
    })),
  };
}

/**
 * An interaction like one sent earlier, with an id and token of its own, changed by `alter` (which
 * may return anything, however malformed) and delivered as it is. Returns the new id.
 */
export function variantOf(
  fake: FakeDiscord,
  sentId: string,
  // biome-ignore lint/suspicious/noExplicitAny: the payload is arbitrary JSON, bent on purpose
  alter: (payload: any) => unknown,
): string {
  const payload = fake.payloadOf(sentId);
  const id = fake.id();
  payload.id = id;
  payload.token = `interaction-token-${id}`;
  fake.deliverInteraction(alter(payload));
  return id;
}
