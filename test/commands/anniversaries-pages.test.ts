import { Temporal } from 'temporal-polyfill';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.ts';
import { shortCityLabel } from '../../src/core/describe.ts';
import type { Dispatcher } from '../../src/core/dispatcher.ts';
import type { Reply } from '../../src/core/reply.ts';
import { parseWindow } from '../../src/core/window.ts';
import { findAnniversaries } from '../../src/domain/anniversary.ts';
import type { Lang } from '../../src/i18n/languages.ts';
import { renderPlain, stripControl } from '../../src/render/plain.ts';
import type { StoreInput } from '../../src/store/schema.ts';
import type { Store } from '../../src/store/store.ts';
import { dispatcherFor, operator, smallStore, syntheticStore } from '../fixtures/knowledge-base.ts';

/** The small store (its year-only, disputed and 29 February pairs) and 600 generated pairs. */
function bigStore(): StoreInput {
  const small = smallStore();
  const generated = syntheticStore(600, 240);
  return {
    ...small,
    cities: [...small.cities, ...generated.cities],
    partnerships: [...small.partnerships, ...generated.partnerships],
  } as StoreInput;
}

let store: Store;
let dispatcher: Dispatcher;

beforeAll(async () => {
  ({ store, dispatcher } = await dispatcherFor(bigStore()));
});

async function ask(text: string, lang?: Lang): Promise<Reply> {
  const caller: Caller = { ...operator, ...(lang && { lang }) };
  return dispatcher.answerText(text, caller);
}

/** "Name – Name" of each anniversary of 2027, in the order the answer must list them. */
function expectedPairs(turning?: number): string[] {
  const { catalog } = store;
  const window = { from: dayOf('2027-01-01'), to: dayOf('2027-12-31') };
  const found = findAnniversaries(catalog.partnerships, window, catalog.data.settings.feb29);
  return [...found.dated, ...found.yearOnly]
    .filter((a) => turning === undefined || a.number === turning)
    .map((a) =>
      a.partnership.cities
        .map((id) => {
          const city = catalog.city(id);
          return city ? shortCityLabel(city, catalog, 'en') : id;
        })
        .join(' – '),
    );
}

function dayOf(iso: string) {
  return Temporal.PlainDate.from(iso);
}

function rows(text: string): string[] {
  return text.split('\n').filter((line) => line.startsWith('  • '));
}

describe('a long list of anniversaries, a page at a time', () => {
  it('GIVEN a year of hundreds of anniversaries THEN the first page has the exact count, 20 rows, how to shorten it and the next page', async () => {
    const expected = expectedPairs();
    const pages = Math.ceil(expected.length / 20);
    expect(pages).toBeGreaterThan(5);
    const reply = await ask('anniversaries 2027');
    const text = renderPlain(reply);
    expect(text).toContain(
      `${expected.length} anniversaries, shown here 1 to 20 (page 1 of ${pages}). A long list: for a shorter one, ask for one month (\`anniversaries 2027-01\`) or for one anniversary number (\`anniversaries 2027 turning 50\`).`,
    );
    expect(rows(text)).toHaveLength(20);
    expect(text).toContain('Next page: `anniversaries 2027 page 2`');
    expect(text).not.toContain('Previous page');
    expect(reply.paging).toEqual({ next: 'anniversaries 2027 page 2' });
  });

  it('GIVEN each page asked for by the command the one before names THEN every anniversary once, in order, the year-only ones last under their heading', async () => {
    const expected = expectedPairs();
    const shown: string[] = [];
    let command: string | undefined = 'anniversaries 2027';
    let headings = 0;
    for (let page = 1; command !== undefined; page++) {
      const reply = await ask(command);
      const text = renderPlain(reply);
      if (page > 1) expect(reply.paging?.previous).toBe(`anniversaries 2027 page ${page - 1}`);
      shown.push(...rows(text));
      if (text.includes('Day and month not recorded:')) headings++;
      command = reply.paging?.next;
      expect(page).toBeLessThan(100);
    }
    expect(shown).toHaveLength(expected.length);
    for (const [i, row] of shown.entries()) expect(row).toContain(expected[i]);
    expect(headings).toBeGreaterThan(0);
    expect(shown.at(-1)).toMatch(/• 2027 — /);
  });

  it('GIVEN turning 50 over a year THEN its pages hold just the 50th ones and name the command with `turning`', async () => {
    const expected = expectedPairs(50);
    const first = await ask('anniversaries 2027 turning 50');
    expect(renderPlain(first)).toContain(`${expected.length} anniversaries`);
    if (expected.length <= 20) {
      expect(first.paging).toBeUndefined();
      expect(rows(renderPlain(first))).toHaveLength(expected.length);
    } else {
      expect(first.paging?.next).toBe('anniversaries 2027 turning 50 page 2');
    }
  });

  it('GIVEN a page past the end, or page 0 THEN says where the answer ends (offering its last page) or how pages count', async () => {
    const pages = Math.ceil(expectedPairs().length / 20);
    const beyond = await ask('anniversaries 2027 page 999');
    expect(beyond.kind).toBe('error');
    expect(renderPlain(beyond)).toContain(`There is no page 999: this answer ends at page ${pages}.`);
    expect(beyond.suggestions).toEqual([`anniversaries 2027 page ${pages}`]);
    const zero = parseWindow('2027 page 0', dayOf('2026-11-26'));
    expect(zero).toEqual({
      ok: false,
      message: 'Pages are counted from 1, e.g. `anniversaries 2027 page 2`.',
    });
  });

  it('GIVEN the next 30 days and `page 2` without a period THEN the second page of the default period', async () => {
    const second = renderPlain(await ask('anniversaries page 2'));
    expect(second).toContain('shown here 21 to ');
    expect(second).toContain('Previous page: `anniversaries next 30 days page 1`');
  });
});

describe('a long list of anniversaries in the reader language', () => {
  it('GIVEN a German reader THEN the position, the hint and the next page read German', async () => {
    const count = expectedPairs().length;
    const pages = Math.ceil(count / 20);
    const text = renderPlain(await ask('anniversaries 2027', 'de'));
    expect(text).toContain(
      `${count} Jahrestage, hier 1 bis 20 (Seite 1 von ${pages}). Eine lange Liste: Für eine kürzere fragen Sie nach einem Monat (\`anniversaries 2027-01\`) oder nach einem bestimmten Jahrestag (\`anniversaries 2027 turning 50\`).`,
    );
    expect(text).toContain('Nächste Seite: `anniversaries 2027 page 2`');
  });

  it('GIVEN a Japanese reader on page 2 THEN 件目 and ページ, and both neighbours', async () => {
    const count = expectedPairs().length;
    const pages = Math.ceil(count / 20);
    const text = stripControl(renderPlain(await ask('anniversaries 2027 page 2', 'ja')));
    expect(text).toContain(`全${count}件（21〜40件目、2 / ${pages} ページ）。`);
    expect(text).toContain(
      '前のページ：`anniversaries 2027 page 1` · 次のページ：`anniversaries 2027 page 3`',
    );
  });
});
