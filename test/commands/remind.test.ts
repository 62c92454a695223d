import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';

import { shellCaller } from '../../src/adapters/shell.ts';
import type { Caller, PostCheck } from '../../src/core/caller.ts';
import { Dispatcher } from '../../src/core/dispatcher.ts';
import { openLedger } from '../../src/reminders/ledger.ts';
import { ReminderScheduler } from '../../src/reminders/scheduler.ts';
import { renderPlain } from '../../src/render/plain.ts';
import type { StoreInput } from '../../src/store/schema.ts';
import { smallStore, storeFrom } from '../fixtures/knowledge-base.ts';

const shell = shellCaller();
/** On the staff list, in a Slack channel whose adapter answers the post check with `check`. */
const staffInSlack = (check: PostCheck = { canPost: true }): Caller => ({
  platform: 'slack',
  userId: 'UOFFICE',
  channel: 'slack:T1:C9',
  canPostHere: async () => check,
});

async function setUp(data: StoreInput = smallStore()) {
  const store = await storeFrom(data);
  const ledger = await openLedger(store.path);
  const dispatcher = new Dispatcher({
    store,
    ledger,
    commands,
    today: () => Temporal.PlainDate.from('2027-05-01'),
  });
  const ask = async (text: string, caller: Caller = shell) => {
    const reply = await dispatcher.answerText(text, caller);
    return { reply, text: renderPlain(reply) };
  };
  return { store, ledger, ask };
}

describe('remind', () => {
  it('GIVEN the shell operator and remind here THEN a console target is set up with the defaults and the next reminder', async () => {
    const { store, ask } = await setUp();
    const { text } = await ask('remind here tz Europe/Paris for all');
    expect(text).toContain('Reminders set up for this channel');
    expect(text).toContain('09:00 Europe/Paris, 30 and 7 days ahead and on the day, for every partnership');
    expect(text).toContain('Next reminder: 4 May 2027: 🎉 60th anniversary: Le Mans – Paderborn');
    expect(store.catalog.data.reminders.targets).toEqual([
      { id: 'console', timeZone: 'Europe/Paris', postAt: '09:00', leads: [30, 7, 0], enabled: true },
    ]);
    expect(store.catalog.data.audit.at(-1)).toMatchObject({ action: 'remind here', target: 'console' });
  });

  it('GIVEN a home city with a time zone THEN remind here needs no options and follows the home city', async () => {
    const data = smallStore();
    data.settings = { ...data.settings, homeCity: 'prague-cz' };
    const { store, ask } = await setUp(data);
    await ask('remind here', staffInSlack());
    expect(store.catalog.data.reminders.targets[0]).toMatchObject({
      id: 'slack:T1:C9',
      timeZone: 'Europe/Prague',
      filter: { city: 'prague-cz' },
    });
  });

  it('GIVEN no time zone anywhere THEN asks for one and stores nothing', async () => {
    const { store, ask } = await setUp();
    const { reply, text } = await ask('remind here');
    expect(reply.kind).toBe('error');
    expect(text).toContain('tz Europe/Prague');
    expect(store.catalog.data.reminders.targets).toEqual([]);
  });

  it('GIVEN an existing target THEN remind here with one option changes only that option', async () => {
    const { store, ask } = await setUp();
    await ask('remind here tz Asia/Kolkata leads 7,0 for Prague');
    await ask('remind here at 10:15');
    expect(store.catalog.data.reminders.targets).toEqual([
      {
        id: 'console',
        timeZone: 'Asia/Kolkata',
        postAt: '10:15',
        leads: [7, 0],
        filter: { city: 'prague-cz' },
        enabled: true,
      },
    ]);
  });

  it('GIVEN an ambiguous city to filter on THEN names the candidates', async () => {
    const { ask } = await setUp();
    expect((await ask('remind here tz UTC for Concord')).text).toContain(
      'Concord, California, United States or Concord, Massachusetts',
    );
  });

  it('GIVEN a caller who is not staff THEN refuses and stores nothing', async () => {
    const { store, ask } = await setUp();
    const { reply } = await ask('remind here tz UTC', {
      platform: 'slack',
      userId: 'UANY',
      channel: 'slack:T1:C1',
    });
    expect(reply.kind).toBe('error');
    expect(store.catalog.data.reminders.targets).toEqual([]);
  });

  it('GIVEN a channel the bot cannot post in THEN refuses with the reason and what to do, and stores and audits nothing', async () => {
    const { store, ask } = await setUp();
    const auditBefore = store.catalog.data.audit.length;
    const { reply, text } = await ask(
      'remind here tz UTC',
      staffInSlack({
        canPost: false,
        why: { key: 'remind.check.notMember' },
        fix: { key: 'remind.check.inviteFix' },
      }),
    );
    expect(reply.kind).toBe('error');
    expect(text).toContain(
      "I can't post reminders in this channel: I am not a member of this channel. Type `/invite @twinbot` in this channel, then `/twin remind here` again. Nothing was set up.",
    );
    expect(store.catalog.data.reminders.targets).toEqual([]);
    expect(store.catalog.data.audit).toHaveLength(auditBefore);
  });

  it('GIVEN a disabled target whose channel still shuts the bot out THEN remind here does not enable it again', async () => {
    const { store, ask } = await setUp();
    await ask('remind here tz UTC', staffInSlack());
    await store.update((draft) => {
      const [target] = draft.reminders.targets;
      if (target)
        Object.assign(target, {
          enabled: false,
          disabled: { reason: 'not_in_channel', at: '2027-05-01T09:00:00Z' },
        });
      return { result: undefined };
    });
    await ask(
      'remind here at 10:00',
      staffInSlack({
        canPost: false,
        why: { key: 'remind.check.notMember' },
        fix: { key: 'remind.check.inviteFix' },
      }),
    );
    expect(store.catalog.data.reminders.targets[0]).toMatchObject({ enabled: false, postAt: '09:00' });
  });

  it('GIVEN the platform cannot be asked THEN says the check could not be made, and stores nothing', async () => {
    const { store, ask } = await setUp();
    const { reply, text } = await ask(
      'remind here tz UTC',
      staffInSlack({
        canPost: 'unknown',
        why: { key: 'remind.check.slackUnreachable' },
        fix: { key: 'remind.check.tryAgain' },
      }),
    );
    expect(reply.kind).toBe('error');
    expect(text).toContain(
      'I could not check whether I can post in this channel (Slack could not be reached), so nothing was set up. Try again in a moment.',
    );
    expect(store.catalog.data.reminders.targets).toEqual([]);
  });

  it('GIVEN a caller whose adapter gives no way to check THEN nothing is set up on a guess', async () => {
    const { store, ask } = await setUp();
    const { reply, text } = await ask('remind here tz UTC', {
      platform: 'slack',
      userId: 'UOFFICE',
      channel: 'slack:T1:C9',
    });
    expect(reply.kind).toBe('error');
    expect(text).toContain('Type `remind here` as a command in the channel itself.');
    expect(store.catalog.data.reminders.targets).toEqual([]);
  });

  it('GIVEN a channel the bot can no longer post in THEN remind off still stops its reminders', async () => {
    const { store, ask } = await setUp();
    await ask('remind here tz UTC', staffInSlack());
    const gone = staffInSlack({
      canPost: false,
      why: { key: 'remind.check.notMember' },
      fix: { key: 'remind.check.inviteFix' },
    });
    expect((await ask('remind off', gone)).text).toContain('No more reminders');
    expect(store.catalog.data.reminders.targets).toEqual([]);
  });

  it('GIVEN remind off THEN the channel gets no more reminders; a second time says none are set', async () => {
    const { store, ask } = await setUp();
    await ask('remind here tz UTC');
    expect((await ask('remind off')).text).toContain('No more reminders');
    expect(store.catalog.data.reminders.targets).toEqual([]);
    expect((await ask('remind off')).reply.kind).toBe('error');
  });
});

describe('reminders', () => {
  it('GIVEN targets THEN preview lists what will be posted where and when, in date order', async () => {
    const { ask } = await setUp();
    await ask('remind here tz UTC for all');
    await ask('remind here tz Europe/Prague at 10:30 leads 0', staffInSlack());
    const { text } = await ask('reminders preview next 40 days');
    const paris = text.indexOf('4 May 2027 09:00 UTC · console');
    const day = text.indexOf('3 June 2027 10:30 Europe/Prague · slack:T1:C9');
    expect(paris).toBeGreaterThan(-1);
    expect(day).toBeGreaterThan(paris);
    expect(text).toContain('🎉 60th anniversary: Le Mans – Paderborn (a milestone year)');
  });

  it('GIVEN a deleted channel and sent reminders THEN status shows last sent, next, and the disabled target with its reason', async () => {
    const data = smallStore();
    const { store, ledger, ask } = await setUp(data);
    await ask('remind here tz UTC for all');
    await ask('remind here tz UTC', staffInSlack());
    const scheduler = new ReminderScheduler(store, ledger, {
      console: { deliver: async () => ({ ok: true }) },
      slack: { deliver: async () => ({ ok: false, reason: 'gone', detail: 'channel_not_found' }) },
    });
    await scheduler.tick(Temporal.Instant.from('2027-05-04T09:00:00Z'));
    const { text } = await ask('reminders status');
    expect(text).toContain(
      'last sent: 2027-05-04 09:00 UTC, le-mans-fr--paderborn-de #60 30 days ahead (due 2027-05-04)',
    );
    expect(text).toContain('next: 27 May 2027 at 09:00, 🎉 60th anniversary');
    expect(text).toContain('disabled since 2027-05-04: channel_not_found');
  });

  it('GIVEN no targets THEN status says how to set one up', async () => {
    const { ask } = await setUp();
    expect((await ask('reminders')).text).toContain('Type `remind here`');
  });
});
