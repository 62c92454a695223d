import { readFile } from 'node:fs/promises';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { Caller } from '../../src/core/caller.ts';
import type { Dispatcher } from '../../src/core/dispatcher.ts';
import type { Reply } from '../../src/core/reply.ts';
import { LANGS, type Lang } from '../../src/i18n/languages.ts';
import { catalogOf, onEnglishFallback, registerCatalog, translator } from '../../src/i18n/translator.ts';
import { remindersDueOn } from '../../src/reminders/due.ts';
import { reminderMessage } from '../../src/reminders/messages.ts';
import { renderDiscordPages } from '../../src/render/discord.ts';
import { renderPlain } from '../../src/render/plain.ts';
import { renderSlack } from '../../src/render/slack.ts';
import type { Catalog } from '../../src/store/catalog.ts';
import { SEED_PATH } from '../../src/store/paths.ts';
import type { StoreInput } from '../../src/store/schema.ts';
import { dispatcherFor } from '../fixtures/knowledge-base.ts';

/*
 * The acceptance test of issue 15: every command's reply, in every language, on the shipped seed,
 * leaves no English behind. Two checks:
 *
 * 1. A pseudo-language made here from the English catalog, with every piece of catalog text between
 *    ⟦ and ⟧ (placeholders stay outside, so what a handler puts into them is checked too). Intl
 *    formats it the Japanese way, so dates, counts, lists and country names carry no Latin letter.
 *    Whatever Latin word is left outside the markers, once names, stored text, commands and what the
 *    asker typed are taken out, is a literal that never went through the catalogs.
 * 2. Each real language: i18next never fell back to English for a key, and no word that only the
 *    English catalog uses shows up.
 */

const OPEN = '⟦';
const CLOSE = '⟧';
/** Registered for this test only: the production `Lang` type knows nothing of it. */
const PSEUDO = 'ja-x-pseudo' as Lang;

function marked(tree: object): object {
  return Object.fromEntries(
    Object.entries(tree).map(([key, value]) => [
      key,
      typeof value === 'string'
        ? value
            .split(/(\{\{[^}]*\}\}|`)/)
            .map((piece, i) => (i % 2 === 1 || piece.trim() === '' ? piece : `${OPEN}${piece}${CLOSE}`))
            .join('')
        : marked(value as object),
    ]),
  );
}
registerCatalog(PSEUDO, marked(catalogOf('en')));

/** The questions each command is asked, in order (the staff ones change a copy of the seed). */
const ASKS: Readonly<Record<string, readonly string[]>> = {
  help: ['help', 'help agreement', 'help record', 'help nosuch'],
  city: ['city Prague', 'city Kitakami', 'city 北上市', 'city Concord', 'city Atlantis', 'city'],
  partners: ['partners Prague', 'partners Kitakami', 'partners', 'partners Atlantis'],
  agreement: [
    'agreement prague shanghai',
    'agreement prague taipei',
    'agreement paderborn le mans',
    'agreement concord, california kitakami',
    'agreement osaka san francisco',
    'agreement nablus preston',
    'agreement borlange wuhan',
    'agreement prague paderborn',
    'is prague still twinned with shanghai?',
    'agreement prague atlantis',
    'agreement prague',
  ],
  anniversaries: [
    'anniversaries',
    'anniversaries 2027',
    'anniversaries 2024-10',
    'anniversaries next year turning 50',
    'anniversaries someday',
  ],
  map: ['map Prague', 'map Kitakami', 'map San Francisco', 'map', 'map Atlantis'],
  timeline: [
    'timeline san francisco osaka',
    'timeline prague taipei',
    'timeline borlange wuhan',
    'timeline prague paderborn',
  ],
  'anniversaries chart': ['anniversaries chart', 'anniversaries chart 2027', 'anniversaries chart 1066'],
  search: ['search prah', 'search 北上', 'search zzzz', 'search'],
  add: [
    'add Skövde, SE / Zhangjiakou, CN friendship_city signed 2015',
    'add Prague / Shanghai',
    'add Atlantis / Prague',
    'add Prague',
  ],
  record: [
    'record Paderborn / Le Mans renewal 2017',
    'record Prague Shanghai termination 2020-01-14 by Shanghai reason Prague refused the clause',
    'record Prague Paderborn signing 2020',
    'record Prague Shanghai nonsense',
    'record Prague',
  ],
  remove: ['remove istanbul rotterdam', 'remove istanbul rotterdam --yes', 'remove prague paderborn'],
  alias: ['alias Kitakami Kitakamishi', 'alias Prague Shanghai', 'alias Prague ...', 'alias Prague'],
  'city set': [
    'city set Kitakami tz Asia/Tokyo',
    'city set Prague tz Mars/Olympus',
    'city set Prague country ZZ',
    'city set Prague',
  ],
  home: ['home Prague', 'partners', 'home Atlantis', 'home'],
  staff: ['staff list', 'staff add slack:U0123ABCD', 'staff remove slack:UNOTTHERE', 'staff add nonsense'],
  history: ['history', 'history Prague', 'history Prague Shanghai'],
  undo: ['undo', 'undo'],
  world: ['world', 'world on', 'world off'],
  language: ['language', 'language de', 'language default', 'language xx'],
  remind: [
    'remind here',
    'remind here leads 30,7,0 at 09:00 tz Europe/Prague',
    'remind here for Prague',
    'remind nonsense',
    'remind off',
    'remind off',
  ],
  reminders: ['reminders status', 'reminders preview', 'reminders preview next 400 days', 'reminders bogus'],
  dispatcher: ['frobnicate', 'when did prague do the thing with the other place?', ''],
};

/** Questions in plain English words: answered in English, so they are checked only in the English run. */
const ENGLISH_QUESTIONS = new Set([
  'is prague still twinned with shanghai?',
  'when did prague do the thing with the other place?',
]);

/** Staff commands typed by someone not on the staff list. */
const REFUSED = ['record Prague Shanghai renewal 2020', 'history'];

/** The office at its terminal (staff), in a channel where reminders can be posted. */
const office = (lang: Lang): Caller => ({
  platform: 'shell',
  userId: 'clerk',
  lang,
  channel: 'slack:T1:C1',
  canPostHere: () => Promise.resolve({ canPost: true }),
});
const stranger = (lang: Lang): Caller => ({ platform: 'slack', userId: 'UNOBODY', lang });

interface Answered {
  label: string;
  asked: string;
  reply: Reply;
}

/** Every reply, and the names and stored text that were in the store (or its world layer) meanwhile. */
async function askEverything(lang: Lang): Promise<{ answered: Answered[]; stored: string[] }> {
  const seed = JSON.parse(await readFile(SEED_PATH, 'utf8')) as StoreInput;
  const { store, dispatcher } = await dispatcherFor(seed, '2026-11-26');
  const answered: Answered[] = [];
  const stored = new Set<string>();
  for (const [label, asks] of Object.entries(ASKS))
    for (const asked of asks) {
      const reply = await dispatcher.answerText(asked, office(lang));
      // A question in plain English is answered in English, whatever the asker's own language.
      if (ENGLISH_QUESTIONS.has(asked)) {
        expect(reply.lang ?? 'en', asked).toBe('en');
        if (lang !== 'en') continue;
      }
      answered.push({ label, asked, reply });
      for (const text of storedTexts(store.catalog)) stored.add(text);
    }
  for (const asked of REFUSED)
    answered.push({ label: 'dispatcher', asked, reply: await dispatcher.answerText(asked, stranger(lang)) });
  answered.push(...(await buttons(dispatcher, lang)));
  answered.push(...reminderPosts(store.catalog, lang));
  return { answered, stored: [...stored].sort((a, b) => b.length - a.length) };
}

/** Confirm and Cancel: pressed by someone else, and after the change is gone. */
async function buttons(dispatcher: Dispatcher, lang: Lang): Promise<Answered[]> {
  const asked = await dispatcher.answerText('remove prague taipei', office(lang));
  const token = asked.confirm?.token ?? '';
  return [
    {
      label: 'dispatcher',
      asked: 'confirm (not yours)',
      reply: await dispatcher.confirm(token, stranger(lang)),
    },
    { label: 'dispatcher', asked: 'cancel', reply: dispatcher.cancel(token, office(lang)) },
    { label: 'dispatcher', asked: 'cancel (again)', reply: dispatcher.cancel(token, office(lang)) },
    { label: 'dispatcher', asked: 'confirm (expired)', reply: await dispatcher.confirm(token, office(lang)) },
  ];
}

/**
 * The posts the reminders make on days the seed calls for them: a day a week ahead and on the day
 * (Le Mans – Paderborn, 60 years on 3 June 2027), a month-only one (Concord – Kitakami, October 2024,
 * a milestone year), the January digest of year-only ones (Skövde – Zhangjiakou, added above, signed in
 * 2015), and a late post.
 */
function reminderPosts(catalog: Catalog, lang: Lang): Answered[] {
  const leads = { leads: [30, 7, 0] };
  const due = ['2027-05-27', '2027-06-03', '2024-10-01', '2025-01-02'].flatMap((day) =>
    remindersDueOn(Temporal.PlainDate.from(day), leads, catalog),
  );
  expect(due.map((r) => r.kind)).toContain('digest');
  expect(due.map((r) => r.lead)).toEqual(expect.arrayContaining([0, 7, 'month']));
  const post = (reply: Reply): Reply => ({ ...reply, lang });
  return [
    ...due.map((r) => ({
      label: 'reminder post',
      asked: `${r.kind} ${r.lead}`,
      reply: post(reminderMessage(r, catalog, undefined, translator(lang))),
    })),
    {
      label: 'reminder post',
      asked: 'late',
      reply: post(
        reminderMessage(due[0] as (typeof due)[number], catalog, { due: '2027-05-27' }, translator(lang)),
      ),
    },
  ];
}

/** What a reader sees of a reply on each platform. */
function rendered(reply: Reply): Record<'plain' | 'slack' | 'discord', string[]> {
  return {
    plain: [renderPlain(reply)],
    slack: renderSlack(reply).flatMap((page) => [page.text, ...textsOf(page.blocks)]),
    discord: renderDiscordPages(reply).flatMap((embed) => [
      embed.title ?? '',
      embed.description ?? '',
      ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
      embed.footer?.text ?? '',
    ]),
  };
}

/** Every `text` a Block Kit element shows (mrkdwn and plain_text objects, at any depth). */
function textsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (typeof value !== 'object' || value === null) return [];
  const object = value as Record<string, unknown>;
  const own =
    (object.type === 'mrkdwn' || object.type === 'plain_text') && typeof object.text === 'string'
      ? [object.text]
      : [];
  return [...own, ...Object.values(object).flatMap(textsOf)];
}

/** Fields of a store that hold names or text people wrote, not ids or vocabulary. */
const NOT_TEXT = new Set([
  'id',
  'kind',
  'type',
  'lang',
  'by',
  'date',
  'at',
  'action',
  'target',
  'feb29',
  'staff',
  '$schema',
]);

/**
 * Names and stored text: shown as the store has them, in whatever language they were written. The
 * world layer's sources are names and licences of public lists.
 */
function storedTexts(catalog: Catalog): string[] {
  const found = new Set<string>();
  const walk = (value: unknown, key = ''): void => {
    if (NOT_TEXT.has(key)) return;
    if (typeof value === 'string') found.add(value);
    else if (Array.isArray(value)) for (const item of value) walk(item);
    else if (typeof value === 'object' && value !== null)
      for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(catalog.data);
  walk(catalog.world?.sources);
  return [...found].filter((text) => text.length > 1);
}

/** Words a reader types or that name things: commands, their keywords and choices, product names. */
const TYPED = new Set(
  [
    ...commands.flatMap((c) => [
      ...c.name.split(' '),
      // Subcommand words (`reminders preview`) are typed as the examples show them.
      ...c.examples.flatMap((example) => example.split(' ')),
      ...c.args.flatMap((a) => [
        // Argument names are Discord's option names (`with:`), typed as they are.
        a.name,
        ...(a.keyword ? [a.keyword] : []),
        ...(a.choices ?? []),
        ...Object.keys(a.synonyms ?? {}),
      ]),
    ]),
    // Language tags are typed as they are (`language de`, `--lang zh-Hans`).
    ...LANGS.flatMap((lang) => [lang, ...lang.split('-')]),
    'twinbot',
    'Wikipedia',
    'Wikidata',
    'Slack',
    'Discord',
    'UTC',
  ].map((word) => word.toLowerCase()),
);

// `council_rejection` is one word: choices are typed with the underscore.
const LATIN_WORD = /[\p{Script=Latin}\p{M}]+(?:_[\p{Script=Latin}\p{M}]+)*/gu;
const SEPARATOR = '\u0001';

/**
 * What is left of a rendered text once everything that may be in Latin letters is taken out: platform
 * markup (date tokens, links, escapes), our catalog's text (between markers), commands in code
 * spans, names and stored text, and words the asker typed. Each remaining stretch with a Latin letter
 * is returned, trimmed: English that never went through a catalog.
 */
function leftovers(text: string, stored: readonly string[], typed: ReadonlySet<string>): string[] {
  let rest = text
    .replace(/\u200b/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\\([\\*_~`|[\]<>#+.-])/g, '$1')
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<t:-?\d+(?::\w)?>/g, SEPARATOR)
    .replace(/<(https?:[^|>]*)\|([^>]*)>/g, '$2')
    .replace(/\]\((https?:[^)\s]*)\)/g, ']')
    .replace(/<?https?:\/\/[^\s>)]+>?/g, SEPARATOR)
    .replace(new RegExp(`${OPEN}[^${CLOSE}]*(?:${CLOSE}|$)`, 'gmu'), SEPARATOR)
    // A code span cut short by a platform's length limit ends in an ellipsis instead of a backtick.
    .replace(/`[^`\n]*(?:`|…)/g, SEPARATOR);
  // A name is whole when no Latin letter touches it: Japanese and Chinese write it between their own letters.
  for (const name of stored) {
    if (!rest.includes(name)) continue;
    rest = rest.replace(
      new RegExp(
        `(?<![\\p{Script=Latin}\\p{M}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{Script=Latin}\\p{M}])`,
        'gu',
      ),
      SEPARATOR,
    );
  }
  rest = rest.replace(LATIN_WORD, (word) => (typed.has(word.toLowerCase()) ? SEPARATOR : word));
  return rest
    .split(new RegExp(`[${SEPARATOR}\\n]`))
    .map((piece) =>
      piece
        .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((piece) => /\p{Script=Latin}/u.test(piece));
}

function typedWords(asked: string): Set<string> {
  return new Set([...TYPED, ...wordsOf(asked)]);
}

/**
 * Leftover English by command: each stretch once, sorted, with numbers and text in
 * other scripts (dates, counts, names) shown as "…" so the list says which words, not which data.
 * What only Slack or only Discord shows is listed under "<command> [slack]" or "[discord]": it comes
 * from that renderer.
 */
function leftoversByCommand(
  answered: readonly Answered[],
  stored: readonly string[],
): Record<string, string[]> {
  const found = new Map<string, Set<string>>();
  const add = (key: string, pieces: Iterable<string>) => {
    const set = found.get(key) ?? new Set<string>();
    for (const piece of pieces) set.add(piece);
    if (set.size > 0) found.set(key, set);
  };
  for (const { label, asked, reply } of answered) {
    const typed = typedWords(asked);
    const views = rendered(reply);
    const seen = (texts: readonly string[]) =>
      new Set(texts.flatMap((text) => leftovers(text, stored, typed)).map(withoutData));
    const plain = seen(views.plain);
    add(label, plain);
    // A stretch the plain text shows too, if only cut or joined differently, is not the renderer's.
    const plainWords = new Set([...plain].flatMap(wordsOf));
    for (const platform of ['slack', 'discord'] as const)
      add(
        `${label} [${platform}]`,
        [...seen(views[platform])].filter((piece) => !wordsOf(piece).every((word) => plainWords.has(word))),
      );
  }
  return Object.fromEntries([...found].sort().map(([label, set]) => [label, [...set].sort()]));
}

const wordsOf = (text: string) => (text.match(LATIN_WORD) ?? []).map((word) => word.toLowerCase());

const withoutData = (piece: string) =>
  piece.replace(
    /(?:\p{N}|(?!\p{Script=Latin})\p{L})+(?:[\s,.:/-]*(?:\p{N}|(?!\p{Script=Latin})\p{L})+)*/gu,
    '…',
  );

/** Words of at least four letters that the English catalog uses and no other catalog does. */
function englishOnlyWords(): Set<string> {
  const catalogWords = (tree: object): string[] =>
    Object.values(tree).flatMap((value) =>
      typeof value === 'string'
        ? wordsOf(value.replace(/\{\{[^}]*\}\}|`[^`]*`/g, ' '))
        : catalogWords(value as object),
    );
  const elsewhere = new Set(
    LANGS.filter((lang) => lang !== 'en').flatMap((lang) => catalogWords(catalogOf(lang))),
  );
  return new Set(
    catalogWords(catalogOf('en')).filter(
      (word) => word.length >= 4 && !elsewhere.has(word) && !TYPED.has(word),
    ),
  );
}

// Each language asks some ninety questions and renders each answer three times: a second or two,
// more on a loaded machine.
describe('every command, in every language, on the seed', { timeout: 30_000 }, () => {
  it('GIVEN the asks THEN every command of commands/index.ts is asked something', () => {
    expect(commands.map((c) => c.name).filter((name) => !Object.hasOwn(ASKS, name))).toEqual([]);
  });

  it('GIVEN a pseudo-translation of English THEN nothing but names, stored text, numbers, dates and commands is outside its markers', async () => {
    const { answered, stored } = await askEverything(PSEUDO);
    const found = leftoversByCommand(answered, stored);
    expect(found, `English outside the catalogs:\n${JSON.stringify(found, null, 2)}`).toEqual({});
  });

  it.each(LANGS.filter((lang) => lang !== 'en'))(
    'GIVEN %s THEN no key falls back to English, and no English-only word shows',
    async (lang) => {
      const fellBack = new Set<string>();
      const stop = onEnglishFallback((l, key) => fellBack.add(`${l}: ${key}`));
      let everything: Awaited<ReturnType<typeof askEverything>>;
      try {
        everything = await askEverything(lang);
      } finally {
        stop();
      }
      expect([...fellBack]).toEqual([]);
      const { answered, stored } = everything;
      const english = englishOnlyWords();
      const shown: string[] = [];
      for (const { label, asked, reply } of answered) {
        const typed = typedWords(asked);
        for (const text of Object.values(rendered(reply)).flat())
          for (const piece of leftovers(text, stored, typed))
            for (const word of wordsOf(piece))
              if (english.has(word)) shown.push(`${label} (${asked}): ${word} in "${piece}"`);
      }
      expect(shown).toEqual([]);
    },
  );

  it('GIVEN English THEN every ask is answered and rendered', async () => {
    const { answered } = await askEverything('en');
    for (const { reply } of answered) expect(Object.values(rendered(reply)).flat().join('')).not.toBe('');
  });
});
