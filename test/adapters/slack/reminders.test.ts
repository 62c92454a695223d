import { Temporal } from 'temporal-polyfill';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../../src/reminders/ledger.ts';
import { ReminderScheduler } from '../../../src/reminders/scheduler.ts';
import type { ApiCall } from '../../fakes/slack-api.ts';
import { smallStore } from '../../fixtures/knowledge-base.ts';
import { type HttpHarness, startHttpHarness } from './harness.ts';

let slack: HttpHarness | undefined;
afterEach(async () => {
  await slack?.close();
  slack = undefined;
});

function withSlackTargets() {
  const data = smallStore();
  data.cities = data.cities.map((city) =>
    city.id === 'le-mans-fr' ? { ...city, name: '<!channel> Le Mans' } : city,
  );
  return {
    ...data,
    reminders: {
      targets: [
        { id: 'slack:T0TWIN:C0GENERAL', timeZone: 'America/New_York', leads: [0] },
        { id: 'slack:T0TWIN:C0KICKED', timeZone: 'America/New_York', leads: [0] },
      ],
    },
  };
}

const posts = (h: HttpHarness) =>
  h.fake.calls.filter(
    (c): c is ApiCall => c.kind === 'api' && c.method === 'chat.postMessage' && c.error === undefined,
  );

describe('reminders on Slack', () => {
  it('GIVEN a due anniversary THEN the tick posts Block Kit through the real Bolt client, once, pinging no one', async () => {
    slack = await startHttpHarness(withSlackTargets());
    const delivery = slack.adapter.reminders;
    expect(delivery?.platform).toBe('slack');
    const scheduler = new ReminderScheduler(slack.store, await openLedger(slack.store.path), {
      slack: delivery?.delivery,
    });
    await scheduler.tick(Temporal.Instant.from('2027-06-03T13:00:00Z'));
    await scheduler.tick(Temporal.Instant.from('2027-06-03T13:05:00Z'));
    const sent = posts(slack).filter((c) => c.args.channel === 'C0GENERAL');
    expect(sent).toHaveLength(1);
    const blocks = JSON.stringify(sent[0]?.args.blocks);
    expect(blocks).toContain('60th anniversary');
    expect(blocks).toContain('&lt;!channel&gt; Le Mans');
    expect(blocks).not.toContain('<!channel>');
  });

  it('GIVEN a channel the bot was removed from THEN that target is disabled with not_in_channel and the other still posts', async () => {
    slack = await startHttpHarness(withSlackTargets());
    slack.fake.notInChannel.add('C0KICKED');
    const scheduler = new ReminderScheduler(slack.store, await openLedger(slack.store.path), {
      slack: slack.adapter.reminders?.delivery,
    });
    const report = await scheduler.tick(Temporal.Instant.from('2027-06-03T13:00:00Z'));
    expect(report.disabled).toEqual([{ target: 'slack:T0TWIN:C0KICKED', reason: 'not_in_channel' }]);
    expect(report.posted.map((p) => p.target)).toEqual(['slack:T0TWIN:C0GENERAL']);
  });
});
