import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { answer, problem } from '../../src/core/reply.ts';
import { renderDiscordPages, splitToFit } from '../../src/render/discord.ts';
import { dateMarkdown, defuseMentions, escapeMarkdown } from '../../src/render/discord-markdown.ts';
import { messageError } from '../fakes/discord.ts';

/** The fake Discord's own limit check: each page must be a message Discord accepts. */
function expectAccepted(page: APIEmbed): void {
  expect(messageError({ embeds: [page] }, { empty: false })).toBeUndefined();
}

function allText(pages: APIEmbed[]): string {
  return pages
    .map((p) => [p.description ?? '', ...(p.fields ?? []).map((f) => `${f.name}\n${f.value}`)].join('\n'))
    .join('\n');
}

describe('Discord dates', () => {
  it('GIVEN a day-precision date THEN <t:epoch:D> at 12:00 UTC of that day', () => {
    expect(dateMarkdown('2017-05-17')).toBe(`<t:${Date.UTC(2017, 4, 17, 12) / 1000}:D>`);
    expect(dateMarkdown('1967-06-03')).toBe(`<t:${Date.UTC(1967, 5, 3, 12) / 1000}:D>`);
  });

  it('GIVEN month or year precision THEN stays text, with no invented day', () => {
    expect(dateMarkdown('1974-10')).toBe('October 1974');
    expect(dateMarkdown('0836')).toBe('836');
  });
});

describe('Discord escaping', () => {
  it('GIVEN @everyone, @here, user, role and channel mentions THEN none can resolve', () => {
    const text = defuseMentions('@everyone @here <@123> <@!123> <@&456> <#789>');
    expect(text).not.toMatch(/@everyone|@here|<@\d|<@!\d|<@&\d|<#\d/);
    expect(text.replaceAll('\u200b', '')).toBe('@everyone @here <@123> <@!123> <@&456> <#789>');
  });

  it('GIVEN markdown in stored text THEN it is escaped, quotes/headings/lists only at line starts', () => {
    expect(escapeMarkdown('*a* _b_ ~~c~~ `d` ||e|| [f](g) <t:1>')).toBe(
      '\\*a\\* \\_b\\_ \\~\\~c\\~\\~ \\`d\\` \\|\\|e\\|\\| \\[f\\](g) \\<t:1>',
    );
    expect(escapeMarkdown('# big\n> quote\n- item\n1. first\nSaint-Malo 2. x')).toBe(
      '\\# big\n\\> quote\n\\- item\n1\\. first\nSaint-Malo 2. x',
    );
  });

  it('GIVEN our own `code` spans THEN they stay code; the text around them is escaped', () => {
    const [page] = renderDiscordPages(problem('Use `help` or *not*'));
    expect(page?.description).toBe('Use `help` or \\*not\\*');
  });
});

describe('renderDiscordPages', () => {
  it('GIVEN a short answer THEN one embed: title, inline fields, rows, sources as links, footer without markdown', () => {
    const pages = renderDiscordPages(
      answer({
        title: 'Prague – Shanghai',
        text: 'One partnership',
        fields: [{ label: 'Status', value: ['terminated on ', { date: '2020-01-14' }] }],
        sections: [{ heading: 'Timeline', rows: [{ text: [{ date: '2017-05-17' }, ' — signed'] }] }],
        links: [{ label: '[1] News', url: 'https://example.org/a_(b)' }, { label: '[2] Archive' }],
        footer: ['Counted from ', { date: '1974-10' }, ' · ', { command: 'partners prague-cz' }],
      }),
      { formatCommand: (text) => `/twin ${text}` },
    );
    expect(pages).toHaveLength(1);
    const [page] = pages as [APIEmbed];
    expectAccepted(page);
    expect(page.title).toBe('Prague – Shanghai');
    expect(page.description).toBe('One partnership');
    expect(page.fields?.[0]).toEqual({
      name: 'Status',
      value: `terminated on <t:${Date.UTC(2020, 0, 14, 12) / 1000}:D>`,
      inline: true,
    });
    expect(page.fields?.[1]?.name).toBe('Timeline');
    expect(page.fields?.[2]).toEqual({
      name: 'Sources',
      value: '[\\[1\\] News](https://example.org/a_(b%29)\n\\[2\\] Archive',
      inline: false,
    });
    expect(page.footer?.text).toBe('Counted from October 1974 · /twin partners prague-cz');
  });

  it('GIVEN an answer without fields THEN rows go in the description, headed, details indented', () => {
    const [page] = renderDiscordPages(
      answer({ sections: [{ heading: 'Partners', rows: [{ text: 'Kitakami', detail: 'active' }] }] }),
    );
    expect(page?.description).toBe('**Partners**\n• Kitakami\n\u2003active');
  });

  it('GIVEN 200 rows THEN several pages, each one Discord accepts, all rows once and in order', () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({
      text: `Partner city number ${i} (sister city)`,
      detail: ['active since ', { date: '1990-05-01' }],
    }));
    const pages = renderDiscordPages(
      answer({ title: 'Partner cities', text: '200 recorded', sections: [{ rows }] }),
    );
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expectAccepted(page);
    pages.forEach((page, i) => {
      expect(page.title).toBe('Partner cities');
      expect(page.footer?.text).toBe(`Page ${i + 1} of ${pages.length}`);
    });
    const found = [...allText(pages).matchAll(/Partner city number (\d+) /g)].map((m) => Number(m[1]));
    expect(found).toEqual(rows.map((_, i) => i));
  });

  it('GIVEN 40 fields THEN no page has more than 25, and every field is shown', () => {
    const fields = Array.from({ length: 40 }, (_, i) => ({ label: `F${i}`, value: `v${i}` }));
    const pages = renderDiscordPages(answer({ fields }));
    expect(pages.map((p) => p.fields?.length)).toEqual([25, 15]);
    expect(pages.flatMap((p) => p.fields?.map((f) => f.name))).toEqual(fields.map((f) => f.label));
  });

  it('GIVEN a field value of 3000 characters THEN continued over fields of at most 1024, nothing lost', () => {
    const note = Array.from({ length: 500 }, (_, i) => `w${i}`).join(' ');
    const pages = renderDiscordPages(answer({ fields: [{ label: 'Notes', value: note }] }));
    const fields = pages.flatMap((p) => p.fields ?? []);
    expect(fields.map((f) => f.name)).toEqual(['Notes', 'Notes (continued)', 'Notes (continued)']);
    for (const f of fields) expect(f.value.length).toBeLessThanOrEqual(1024);
    expect(fields.map((f) => f.value).join(' ')).toBe(note);
  });

  it('GIVEN one row longer than a page THEN split over pages at spaces, every word kept', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `word${i}`);
    const pages = renderDiscordPages(answer({ sections: [{ rows: [{ text: words.join(' ') }] }] }));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expectAccepted(page);
    expect(
      allText(pages)
        .split(/\s+/)
        .filter((w) => w.startsWith('word')),
    ).toEqual(words);
  });

  it('GIVEN a title longer than 256 THEN shortened with … and shown whole in the body', () => {
    const long = `Partner cities of ${'Llanfair'.repeat(40)}`;
    const [page] = renderDiscordPages(answer({ title: long, text: 'x' }));
    expect(page?.title?.length).toBeLessThanOrEqual(256);
    expect(page?.title?.endsWith('…')).toBe(true);
    expect(page?.description).toContain(`**${long}**`);
  });

  it('GIVEN an error THEN a differently coloured embed than an answer', () => {
    const [error] = renderDiscordPages(problem('No city named "Atlantis".'));
    const [ok] = renderDiscordPages(answer({ text: 'fine' }));
    expect(error?.color).not.toBe(ok?.color);
    expect(error?.description).toBe('No city named "Atlantis".');
  });

  it('GIVEN suggestions THEN shown as commands to type', () => {
    const [page] = renderDiscordPages(problem('Nothing recorded.', { suggestions: ['partners prague-cz'] }), {
      formatCommand: (text) => `/twin ${text}`,
    });
    expect(page?.description).toBe('Nothing recorded.\nTry: `/twin partners prague-cz`');
  });
});

describe('splitToFit', () => {
  it('GIVEN text without spaces THEN hard cuts that never split a surrogate pair or an escape', () => {
    const text = `${'a'.repeat(9)}😀${'\\*'.repeat(10)}`;
    const pieces = splitToFit(text, 10);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(10);
      expect(/[\uD800-\uDBFF]$/.test(piece)).toBe(false);
      expect((/\\+$/.exec(piece)?.[0].length ?? 0) % 2).toBe(0);
    }
  });
});
