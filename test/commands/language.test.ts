import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { shellCaller } from '../../src/adapters/shell.ts';
import { answerLanguage, placeLanguage, targetLanguage } from '../../src/core/answer-language.ts';
import type { Caller } from '../../src/core/caller.ts';
import { Dispatcher } from '../../src/core/dispatcher.ts';
import { openLedger } from '../../src/reminders/ledger.ts';
import { renderPlain } from '../../src/render/plain.ts';
import type { StoreInput } from '../../src/store/schema.ts';
import { smallStore, storeFrom } from '../fixtures/knowledge-base.ts';

const staffInSlack: Caller = {
  platform: 'slack',
  userId: 'UOFFICE',
  workspace: 'slack:T1',
  channel: 'slack:T1:C9',
  canPostHere: async () => ({ canPost: true }),
};

async function setUp(data: StoreInput = smallStore()) {
  const store = await storeFrom(data);
  const dispatcher = new Dispatcher({
    store,
    ledger: await openLedger(store.path),
    commands,
    today: () => Temporal.PlainDate.from('2027-05-01'),
  });
  const ask = async (text: string, caller: Caller) => renderPlain(await dispatcher.answerText(text, caller));
  return { store, ask };
}

describe('whose language: the order of the sources', () => {
  const settings = { languages: { 'slack:T1': 'de' as const }, language: 'es' as const };

  it('GIVEN a person’s own language THEN it wins over every setting', async () => {
    const caller: Caller = {
      platform: 'slack',
      userId: 'U1',
      workspace: 'slack:T1',
      lookUpLang: async () => 'ja',
    };
    expect(await answerLanguage(caller, settings)).toEqual({ lang: 'ja', source: 'person' });
  });

  it('GIVEN no personal language THEN the workspace setting, the platform’s, the store’s, English, in that order', async () => {
    const discord: Caller = { platform: 'discord', userId: '1', workspace: 'discord:9', workspaceLang: 'fr' };
    expect(await answerLanguage({ ...discord, workspace: 'slack:T1' }, settings)).toEqual({
      lang: 'de',
      source: 'workspace',
    });
    expect(await answerLanguage(discord, settings)).toEqual({ lang: 'fr', source: 'platform' });
    expect(placeLanguage(settings, 'discord:9', undefined)).toEqual({ lang: 'es', source: 'store' });
    expect(placeLanguage({}, 'discord:9', undefined)).toEqual({ lang: 'en', source: 'default' });
  });

  it('GIVEN a reminder target with its own language THEN it wins; without, its workspace’s', () => {
    expect(targetLanguage({ id: 'slack:T1:C1', lang: 'cs' }, settings, 'fr')).toEqual({
      lang: 'cs',
      source: 'target',
    });
    expect(targetLanguage({ id: 'slack:T1:C1' }, settings, undefined)).toEqual({
      lang: 'de',
      source: 'workspace',
    });
    expect(targetLanguage({ id: 'console' }, settings, undefined)).toEqual({ lang: 'es', source: 'store' });
  });
});

describe('language (staff)', () => {
  it('GIVEN staff in a Slack workspace types `language de` THEN that workspace’s setting is stored and audited, and `language default` clears it', async () => {
    const { store, ask } = await setUp();
    expect(await ask('language de', staffInSlack)).toContain('Reminders here are now posted in German');
    expect(store.catalog.data.settings.languages).toEqual({ 'slack:T1': 'de' });
    expect(store.catalog.data.audit.at(-1)).toMatchObject({ action: 'language', target: 'slack:T1' });
    // The staff member has no language of their own: the answer follows the workspace now.
    expect(await ask('language default', staffInSlack)).toContain('Die hier gewählte Sprache ist aufgehoben');
    expect(store.catalog.data.settings.languages).toBeUndefined();
  });

  it('GIVEN the shell operator types `language fr` THEN it is the store-wide default, which the console target follows', async () => {
    const { store, ask } = await setUp();
    expect(await ask('language fr', shellCaller())).toContain('Reminders and answers are now in French');
    expect(store.catalog.data.settings.language).toBe('fr');
    const text = await ask('language', shellCaller('ja'));
    expect(text).toContain('あなたへの回答：日本語（--lang、なければシェルの LANG）');
    expect(text).toContain('ほかに指定がない場合：フランス語（職員がストア全体に設定）');
  });

  it('GIVEN a language twinbot does not write THEN a problem listing the seven, in the reader’s language', async () => {
    const { store, ask } = await setUp();
    const text = await ask('language xx', shellCaller('cs'));
    expect(text).toContain('„xx“ není jazyk, ve kterém píšu.');
    expect(text).toContain('de (němčina)');
    expect(store.catalog.data.settings.language).toBeUndefined();
  });

  it('GIVEN a Discord direct message (no server) THEN nothing is set and it says where to type it', async () => {
    const { store, ask } = await setUp({ ...smallStore(), settings: { staff: ['discord:user:42'] } });
    const dm: Caller = { platform: 'discord', userId: '42' };
    expect(await ask('language de', dm)).toContain('type `language` in a channel of the server');
    expect(store.catalog.data.settings.languages).toBeUndefined();
  });
});
