import { Temporal } from 'temporal-polyfill';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../../src/reminders/ledger.ts';
import { ReminderScheduler } from '../../../src/reminders/scheduler.ts';
import { smallStore } from '../../fixtures/knowledge-base.ts';
import { GUILD, type RunningBot, startBot } from './harness.ts';

const CHANNEL = GUILD.channels[0]?.id ?? '';
const GONE_CHANNEL = '1400000000000000999';

let running: RunningBot | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

function withDiscordTargets() {
  const data = smallStore();
  data.cities = data.cities.map((city) =>
    city.id === 'le-mans-fr' ? { ...city, name: '@everyone Le Mans' } : city,
  );
  return {
    ...data,
    reminders: {
      targets: [
        { id: `discord:${GUILD.id}:${CHANNEL}`, timeZone: 'Europe/Paris', leads: [0] },
        { id: `discord:${GUILD.id}:${GONE_CHANNEL}`, timeZone: 'Europe/Paris', leads: [0] },
      ],
    },
  };
}

describe('reminders on Discord', () => {
  it('GIVEN a due anniversary THEN the tick posts an embed to the channel through discord.js, with no mention allowed, once', async () => {
    running = await startBot({ data: withDiscordTargets() });
    const { fake, store, bot } = running;
    const delivery = bot.reminders;
    expect(delivery?.platform).toBe('discord');
    const scheduler = new ReminderScheduler(store, await openLedger(store.path), {
      discord: delivery?.delivery,
    });
    const report = await scheduler.tick(Temporal.Instant.from('2027-06-03T07:00:00Z'));
    await scheduler.tick(Temporal.Instant.from('2027-06-03T07:05:00Z'));

    const posts = fake.calls.filter(
      (c) => c.method === 'POST' && c.path === `/channels/${CHANNEL}/messages` && c.status === 200,
    );
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body.allowed_mentions).toEqual({ parse: [] });
    expect(posts[0]?.body.embeds[0].title).toContain('60th anniversary');
    expect(report.posted.map((p) => p.target)).toEqual([`discord:${GUILD.id}:${CHANNEL}`]);
  });

  it('GIVEN a deleted channel (10003) THEN its target is disabled with the reason and the other still posts', async () => {
    running = await startBot({ data: withDiscordTargets() });
    const { store, bot } = running;
    const scheduler = new ReminderScheduler(store, await openLedger(store.path), {
      discord: bot.reminders?.delivery,
    });
    const report = await scheduler.tick(Temporal.Instant.from('2027-06-03T07:00:00Z'));
    expect(report.disabled).toEqual([
      { target: `discord:${GUILD.id}:${GONE_CHANNEL}`, reason: expect.stringContaining('10003') },
    ]);
    const gone = store.catalog.data.reminders.targets.find((t) => t.id.endsWith(GONE_CHANNEL));
    expect(gone).toMatchObject({
      enabled: false,
      disabled: { reason: expect.stringContaining('Unknown Channel') },
    });
    expect(report.posted).toHaveLength(1);
  });
});
