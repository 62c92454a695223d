import { Temporal } from 'temporal-polyfill';
import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { Caller } from '../../src/core/caller.ts';
import { Dispatcher } from '../../src/core/dispatcher.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { Lang } from '../../src/i18n/languages.ts';
import { renderPlain, stripControl } from '../../src/render/plain.ts';
import type { StoreInput } from '../../src/store/schema.ts';
import { dispatcherFor, operator, smallStore } from '../fixtures/knowledge-base.ts';

/** Names whose order differs by language: Czech sorts "Ch" after "H", and "Č" right after "C". */
const BASES = ['Adamov', 'Čáslav', 'Cheb', 'Hradec', 'Ústí', 'Zlín', 'Ørsta', 'Žatec', 'Ilava'];

/**
 * The small store, where Prague has Taipei (active) and Shanghai (terminated), and 45 more partners
 * of Prague: two in three in Germany, the rest in France; every fourth ended by Prague. 47 partners
 * in all: 34 active, 13 terminated; in Germany 30, 22 of them active.
 */
function hubStore(): StoreInput {
  const small = smallStore();
  const partners = Array.from({ length: 45 }, (_, i) => ({
    id: `hubp-${i}-${i % 3 === 0 ? 'fr' : 'de'}`,
    name: `${BASES[i % BASES.length]} ${Math.floor(i / BASES.length) + 1}`,
    country: i % 3 === 0 ? 'FR' : 'DE',
  }));
  return {
    ...small,
    cities: [...(small.cities ?? []), ...partners],
    partnerships: [
      ...(small.partnerships ?? []),
      ...partners.map((partner, i) => ({
        id: `${partner.id}--prague-cz`,
        cities: [partner.id, 'prague-cz'],
        type: 'sister_city',
        milestones: [
          { kind: 'signing', date: `${1960 + i}-03-0${1 + (i % 9)}` },
          ...(i % 4 === 0 ? [{ kind: 'termination', date: '2021-05-04', by: 'prague-cz' }] : []),
        ],
      })),
    ],
  } as StoreInput;
}

let dispatcher: Dispatcher;

beforeAll(async () => {
  ({ dispatcher } = await dispatcherFor(hubStore()));
});

function ask(text: string, lang?: Lang): Promise<Reply> {
  const caller: Caller = { ...operator, ...(lang && { lang }) };
  return dispatcher.answerText(text, caller);
}

/** Each row's partner name and whether the row says it ended, in the order shown. */
function rows(reply: Reply): { name: string; ended: boolean }[] {
  const lines = stripControl(renderPlain(reply)).split('\n');
  return lines.flatMap((line, i) =>
    line.startsWith('  • ')
      ? [
          {
            name: line.slice(4).split(/ \(|（/)[0] as string,
            ended: /terminated|ukončeno/.test(lines[i + 1] ?? ''),
          },
        ]
      : [],
  );
}

/** Every row of an answer, page after page, following the command each page names for the next. */
async function allPages(
  first: string,
  lang?: Lang,
): Promise<{ replies: Reply[]; shown: ReturnType<typeof rows> }> {
  const replies: Reply[] = [];
  let command: string | undefined = first;
  while (command !== undefined) {
    const reply: Reply = await ask(command, lang);
    replies.push(reply);
    command = reply.paging?.next;
    expect(replies.length).toBeLessThan(10);
  }
  return { replies, shown: replies.flatMap(rows) };
}

/** Whether the rows run in force first, then by name as the language sorts. */
function inListOrder(shown: readonly { name: string; ended: boolean }[], locale: string): boolean {
  const byName = new Intl.Collator(locale);
  return shown.every((row, i) => {
    const before = shown[i - 1];
    if (!before) return true;
    if (before.ended !== row.ended) return !before.ended;
    return byName.compare(before.name, row.name) <= 0;
  });
}

describe('a hub’s partners, a page at a time', () => {
  it('GIVEN 47 partners THEN the first page has the count, its place, 20 rows and the command for the next page', async () => {
    const reply = await ask('partners Prague');
    const text = renderPlain(reply);
    expect(text).toContain('47 recorded, shown here 1 to 20 (page 1 of 3).');
    expect(rows(reply)).toHaveLength(20);
    expect(text).toContain('Next page: `partners prague-cz page 2`');
    expect(text).not.toContain('Previous page');
    expect(reply.paging).toEqual({ next: 'partners prague-cz page 2' });
  });

  it('GIVEN the middle page THEN both neighbours, and rows 21 to 40', async () => {
    const reply = await ask('partners Prague page 2');
    const text = renderPlain(reply);
    expect(text).toContain('47 recorded, shown here 21 to 40 (page 2 of 3).');
    expect(rows(reply)).toHaveLength(20);
    expect(reply.paging).toEqual({
      previous: 'partners prague-cz page 1',
      next: 'partners prague-cz page 3',
    });
    expect(text).toContain(
      'Previous page: `partners prague-cz page 1` · Next page: `partners prague-cz page 3`',
    );
  });

  it('GIVEN the last page THEN its 7 rows and only the way back', async () => {
    const reply = await ask('partners Prague page 3');
    expect(renderPlain(reply)).toContain('47 recorded, shown here 41 to 47 (page 3 of 3).');
    expect(rows(reply)).toHaveLength(7);
    expect(reply.paging).toEqual({ previous: 'partners prague-cz page 2' });
  });

  it('GIVEN each page the one before names THEN every partner once, in force first, then by name', async () => {
    const { replies, shown } = await allPages('partners Prague');
    expect(replies).toHaveLength(3);
    expect(shown).toHaveLength(47);
    expect(new Set(shown.map((r) => r.name)).size).toBe(47);
    expect(shown.filter((r) => r.ended)).toHaveLength(13);
    expect(inListOrder(shown, 'en')).toBe(true);
  });

  it('GIVEN a Czech reader THEN the pages follow Czech order (Ch after H), and an English one C, Ch, H', async () => {
    const czech = (await allPages('partners Prague', 'cs')).shown.map((r) => r.name);
    expect(czech.indexOf('Cheb 1')).toBeGreaterThan(czech.indexOf('Hradec 1'));
    expect(czech.indexOf('Čáslav 1')).toBeLessThan(czech.indexOf('Cheb 1'));
    const english = (await allPages('partners Prague')).shown.map((r) => r.name);
    expect(english.indexOf('Cheb 1')).toBeLessThan(english.indexOf('Hradec 1'));
  });

  it('GIVEN a page past the end THEN says where the answer ends and offers its last page', async () => {
    const beyond = await ask('partners Prague page 4');
    expect(beyond.kind).toBe('error');
    expect(renderPlain(beyond)).toContain('There is no page 4: this answer ends at page 3.');
    expect(beyond.suggestions).toEqual(['partners prague-cz page 3']);
  });

  it('GIVEN page 0 or a page that is no number THEN says how pages count, with an example', async () => {
    expect(renderPlain(await ask('partners Prague page 0'))).toContain(
      'Pages are counted from 1, e.g. `partners page 2`.',
    );
    const words = await ask('partners Prague page two');
    expect(words.kind).toBe('error');
    expect(renderPlain(words)).toContain('“two” is not a page number: pages are counted from 1');
  });

  it('GIVEN only `page 2` and Prague as the home city THEN the home city’s second page', async () => {
    const data = hubStore();
    data.settings = { ...data.settings, homeCity: 'prague-cz' };
    const { dispatcher: home } = await dispatcherFor(data);
    const text = renderPlain(await home.answerText('partners page 2', operator));
    expect(text).toContain('47 recorded, shown here 21 to 40 (page 2 of 3).');
  });

  it('GIVEN a city with few partners THEN one page, no paging, no position', async () => {
    const reply = await ask('partners Kitakami');
    expect(reply.paging).toBeUndefined();
    expect(renderPlain(reply)).not.toContain('shown here');
  });
});

describe('a hub’s partners in one country, a page at a time', () => {
  it('GIVEN 30 partners in Germany THEN every page keeps the sentence, the count and the country in its commands', async () => {
    const { replies, shown } = await allPages('partners Prague in Germany');
    expect(replies).toHaveLength(2);
    expect(shown).toHaveLength(30);
    expect(inListOrder(shown, 'en')).toBe(true);
    const [first, second] = replies.map((r) => renderPlain(r));
    expect(first).toContain(
      'Prague has 22 partners in Germany. 30 recorded, shown here 1 to 20 (page 1 of 2).',
    );
    expect(second).toContain(
      'Prague has 22 partners in Germany. 30 recorded, shown here 21 to 30 (page 2 of 2).',
    );
    expect(replies[0]?.paging).toEqual({ next: 'partners prague-cz in DE page 2' });
    expect(replies[1]?.paging).toEqual({ previous: 'partners prague-cz in DE page 1' });
  });

  it('GIVEN "does it have one?" on page 2 THEN the Yes stays', async () => {
    const reply = await dispatcher.run(
      { command: 'partners', args: { city: 'Prague', country: 'DE', page: '2' }, asks: 'any' },
      operator,
    );
    expect(renderPlain(reply)).toContain('Yes: Prague has 22 partners in Germany.');
  });
});

describe('a hub’s pages in the reader language', () => {
  it('GIVEN a German reader THEN the position and the next page read German', async () => {
    const text = renderPlain(await ask('partners Prague', 'de'));
    expect(text).toContain('47 erfasst, hier 1 bis 20 (Seite 1 von 3).');
    expect(text).toContain('Nächste Seite: `partners prague-cz page 2`');
  });

  it('GIVEN a Japanese reader on page 2 THEN 件目 and ページ, and both neighbours', async () => {
    const text = stripControl(renderPlain(await ask('partners Prague page 2', 'ja')));
    expect(text).toContain('記録47件（21〜40件目、2 / 3 ページ）。');
    expect(text).toContain(
      '前のページ：`partners prague-cz page 1` · 次のページ：`partners prague-cz page 3`',
    );
  });
});

describe('a hub told about', () => {
  it('GIVEN Prague with 47 partners THEN the counts of all, the first 20 names as `partners` lists them, and the way to the rest', async () => {
    const reply = await ask('city Prague');
    const text = renderPlain(reply);
    expect(text).toMatch(/Partners: +34 active, 13 terminated/);
    const named = rows(reply);
    expect(named.slice(0, 20).map((r) => r.name)).toEqual(
      rows(await ask('partners Prague')).map((r) => r.name),
    );
    expect(text).toContain('…and 27 more: `partners prague-cz page 2`');
  });

  it('GIVEN a Czech reader THEN the way to the rest reads Czech', async () => {
    expect(renderPlain(await ask('city Prague', 'cs'))).toContain(
      '… a dalších 27: `partners prague-cz page 2`',
    );
  });
});

describe('a hub’s order after an edit', () => {
  it('GIVEN a partnership removed after the pages were read THEN the count and the pages follow it', async () => {
    const { store, dispatcher: own } = await dispatcherFor(hubStore());
    const before = renderPlain(await own.answerText('partners Prague', operator));
    expect(before).toContain('47 recorded');
    const removed = await own.answerText('remove hubp-0-fr prague-cz --yes', operator);
    expect(removed.kind).toBe('answer');
    expect(store.catalog.partnershipsOf('prague-cz')).toHaveLength(46);
    const after = await own.answerText('partners Prague page 3', operator);
    expect(renderPlain(after)).toContain('46 recorded, shown here 41 to 46 (page 3 of 3).');
    expect(rows(after).map((r) => r.name)).not.toContain('Adamov 1');
  });
});

describe('a hub’s order on another day', () => {
  it('GIVEN a partnership that ends on a later day THEN asked that day, the same store lists it with the ended ones', async () => {
    const data = hubStore();
    const adamov = data.partnerships?.find((p) => p.id === 'hubp-9-fr--prague-cz');
    if (!adamov?.milestones) throw new Error('the store has Adamov 2');
    adamov.milestones.push({ kind: 'termination', date: '2027-01-10', by: 'prague-cz' });
    const { store, dispatcher: before } = await dispatcherFor(data);
    const after = new Dispatcher({ store, commands, today: () => Temporal.PlainDate.from('2027-02-01') });
    // Whether Adamov 2 says it ended, and whether it is listed where that puts it: after every partner in force.
    const placed = async (d: Dispatcher) => {
      const shown = await allPagesOf(d, 'partners Prague');
      return { ended: shown.find((r) => r.name === 'Adamov 2')?.ended, inOrder: inListOrder(shown, 'en') };
    };
    expect(await placed(before)).toEqual({ ended: false, inOrder: true });
    expect(await placed(after)).toEqual({ ended: true, inOrder: true });
    expect(await placed(before)).toEqual({ ended: false, inOrder: true });
  });
});

async function allPagesOf(d: Dispatcher, first: string): Promise<ReturnType<typeof rows>> {
  const shown: ReturnType<typeof rows> = [];
  let command: string | undefined = first;
  while (command !== undefined) {
    const reply: Reply = await d.answerText(command, operator);
    shown.push(...rows(reply));
    command = reply.paging?.next;
  }
  return shown;
}
