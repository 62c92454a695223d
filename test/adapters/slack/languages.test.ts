import { Temporal } from 'temporal-polyfill';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../../src/reminders/ledger.ts';
import { ReminderScheduler } from '../../../src/reminders/scheduler.ts';
import type { StoreInput } from '../../../src/store/schema.ts';
import type { ApiCall, RespondCall } from '../../fakes/slack-api.ts';
import { smallStore } from '../../fixtures/knowledge-base.ts';
import { type Acked, blockTexts, type HttpHarness, startHttpHarness } from './harness.ts';

const STAFF = 'UOFFICE';
const TARGET = 'slack:T0TWIN:C0GENERAL';

let slack: HttpHarness | undefined;
afterEach(async () => {
  await slack?.close();
  slack = undefined;
});

/** The seed with Prague as home, so `remind here` needs no options. */
function withHome(settings: Partial<StoreInput['settings']> = {}): StoreInput {
  const data = smallStore();
  return { ...data, settings: { ...data.settings, homeCity: 'prague-cz', ...settings } } as StoreInput;
}

/** The answer to a `/twin` command as its asker reads it: in the acknowledgement, or sent later. */
async function answerText(h: HttpHarness, acked: Acked): Promise<string> {
  if (acked.answer) return blockTexts(acked.answer.blocks).join('\n');
  const [response] = (await h.fake.waitFor(
    (c) => c.kind === 'respond' && c.id === acked.responseId,
    1,
    10_000,
  )) as RespondCall[];
  return blockTexts(response?.body.blocks).join('\n');
}

async function ask(h: HttpHarness, text: string, userId: string): Promise<string> {
  const acked = await h.ask(text, { userId, channelId: 'C0GENERAL' });
  expect(acked.status).toBe(200);
  return answerText(h, acked);
}

/** The reminder the tick posts in #general on 3 June 2027 (Le Mans – Paderborn, 60 years), as read. */
async function postedReminder(h: HttpHarness): Promise<string> {
  const scheduler = new ReminderScheduler(h.store, await openLedger(h.store.path), {
    slack: h.adapter.reminders?.delivery,
  });
  const report = await scheduler.tick(Temporal.Instant.from('2027-06-03T09:00:00Z'));
  expect(report.posted.map((p) => p.target)).toContain(TARGET);
  const post = h.fake
    .apiCalls('chat.postMessage')
    .find((c: ApiCall) => c.args.channel === 'C0GENERAL' && c.error === undefined);
  return blockTexts(post?.args.blocks).join('\n');
}

describe('Slack: whose language', () => {
  it('GIVEN a user whose users.info says ja-JP THEN the answer is Japanese, and a second question asks Slack no more', async () => {
    slack = await startHttpHarness(withHome());
    slack.fake.userLocales.set('UKITAKAMI', 'ja-JP');
    expect(await ask(slack, 'partners Prague', 'UKITAKAMI')).toContain('Pragueの姉妹都市・提携都市');
    expect(await ask(slack, 'partners Shanghai', 'UKITAKAMI')).toContain('Shanghaiの姉妹都市・提携都市');
    const lookUps = slack.fake.apiCalls('users.info');
    expect(lookUps.map((c: ApiCall) => [c.args.user, c.args.include_locale])).toEqual([
      ['UKITAKAMI', 'true'],
    ]);
  });

  it('GIVEN users.info fails (Slack down) THEN the question is still answered, in the workspace language (English), and Slack is not asked again at once', async () => {
    slack = await startHttpHarness(withHome());
    slack.fake.down.add('users.info');
    expect(await ask(slack, 'partners Prague', 'UKITAKAMI')).toContain('Partner cities of Prague');
    // The failure is remembered for a while: an outage does not add a call to every message.
    expect(await ask(slack, 'partners Shanghai', 'UKITAKAMI')).toContain('Partner cities of Shanghai');
    expect(slack.fake.apiCalls('users.info').map((c: ApiCall) => c.error)).toEqual(['down']);
  });

  it('GIVEN staff types `language de` THEN the workspace’s channel reminders are posted in German, and people without a locale are answered in German', async () => {
    slack = await startHttpHarness(withHome());
    await ask(slack, 'remind here for all', STAFF);
    expect(await ask(slack, 'language de', STAFF)).toContain('Reminders here are now posted in German');
    expect(slack.store.catalog.data.settings.languages).toEqual({ 'slack:T0TWIN': 'de' });
    expect(await ask(slack, 'partners Prague', 'UVISITOR')).toContain('Partnerstädte von Prag');
    const reminder = await postedReminder(slack);
    expect(reminder).toContain('60. Jahrestag der Städtepartnerschaft');
    expect(reminder).toContain('Der 60. Jahrestag ist heute.');
  });

  it('GIVEN a workspace set to German THEN a user whose Slack is Japanese is still answered in Japanese', async () => {
    slack = await startHttpHarness(withHome({ languages: { 'slack:T0TWIN': 'de' } }));
    slack.fake.userLocales.set('UKITAKAMI', 'ja-JP');
    expect(await ask(slack, 'partners Prague', 'UKITAKAMI')).toContain('Pragueの姉妹都市・提携都市');
  });

  it('GIVEN `remind here lang fr for all` THEN the target keeps French and its reminders are posted in French', async () => {
    slack = await startHttpHarness(withHome({ languages: { 'slack:T0TWIN': 'de' } }));
    expect(await ask(slack, 'remind here lang fr for all', STAFF)).toContain('auf Französisch');
    expect(slack.store.catalog.data.reminders.targets).toMatchObject([{ id: TARGET, lang: 'fr' }]);
    const reminder = await postedReminder(slack);
    expect(reminder).toContain('60e anniversaire du jumelage');
    expect(reminder).toContain('Le 60e anniversaire est aujourd’hui.');
  });

  it('GIVEN `language` alone THEN it says the language of answers and of posts here, and where each comes from', async () => {
    slack = await startHttpHarness(withHome({ languages: { 'slack:T0TWIN': 'cs' } }));
    slack.fake.userLocales.set(STAFF, 'de-DE');
    const text = await ask(slack, 'language', STAFF);
    expect(text).toContain('Antworten an Sie: Deutsch (Ihre eigene Sprache in Slack)');
    expect(text).toContain(
      'Erinnerungen hier: Tschechisch (von Mitarbeitenden des Büros für diesen Arbeitsbereich gewählt)',
    );
  });
});
