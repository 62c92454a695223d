import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { answer, problem, type Row } from '../../src/core/reply.ts';
import { type Block, PAGE_BUDGET, renderSlack, type SlackPage } from '../../src/render/slack.ts';
import { escapeMrkdwn, mrkdwn, mrkdwnLink, slackDate, splitMrkdwn } from '../../src/render/slack-text.ts';
import { slackMessageError } from '../fakes/slack-limits.ts';

/** All the text of a page's blocks, in order. */
function textOf(page: SlackPage | undefined): string {
  const texts: string[] = [];
  for (const block of page?.blocks ?? []) {
    if (block.type === 'header') texts.push(block.text.text);
    if (block.type === 'section') {
      if (block.text) texts.push(block.text.text);
      for (const field of block.fields ?? []) texts.push(field.text);
    }
    if (block.type === 'context') for (const e of block.elements) if ('text' in e) texts.push(e.text);
  }
  return texts.join('\n');
}

/** The page as the adapter sends it at most: with an actions block of two long-labelled buttons. */
function withButtons(page: SlackPage): { blocks: Block[]; text: string } {
  const value = JSON.stringify({ t: 'x'.repeat(1900), p: 99 });
  const actions: Block = {
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: 'twin_share',
        text: { type: 'plain_text', text: 'Share in channel' },
        value,
      },
      {
        type: 'button',
        action_id: 'twin_more',
        text: { type: 'plain_text', text: 'More (99 of 99)' },
        value,
      },
    ],
  };
  return { blocks: [...page.blocks, actions], text: page.text };
}

describe('slackDate', () => {
  it('GIVEN a day-precision date THEN a Slack date at 10:00 UTC with the exact date as fallback', () => {
    expect(slackDate('1967-06-03')).toBe('<!date^-81439200^{date_long}|3 June 1967>');
  });

  it.each([
    'Pacific/Honolulu',
    'America/Los_Angeles',
    'UTC',
    'Europe/Prague',
    'Asia/Tokyo',
    'Pacific/Auckland',
    'Pacific/Tongatapu',
  ])('GIVEN a reader in %s THEN the Slack date falls on the stored calendar day', (timeZone) => {
    for (const date of ['2020-01-14', '2024-07-01', '1996-02-29']) {
      const epoch = Number(/<!date\^(-?\d+)\^/.exec(slackDate(date))?.[1]);
      const local = Temporal.Instant.fromEpochMilliseconds(epoch * 1000).toZonedDateTimeISO(timeZone);
      expect(local.toPlainDate().toString()).toBe(date);
    }
  });

  it('GIVEN month or year precision THEN plain text, never an invented day', () => {
    expect(slackDate('1974-10')).toBe('October 1974');
    expect(slackDate('0836')).toBe('836');
  });

  it('GIVEN a day-precision date before year 100 THEN the year is kept as given', () => {
    expect(slackDate('0079-08-24')).toMatch(/^<!date\^-\d+\^\{date_long\}\|24 August 79>$/);
    const epoch = Number(/<!date\^(-?\d+)\^/.exec(slackDate('0079-08-24'))?.[1]);
    expect(Temporal.Instant.fromEpochMilliseconds(epoch * 1000).toZonedDateTimeISO('UTC').year).toBe(79);
  });
});

describe('escaping', () => {
  it('GIVEN text with Slack control sequences THEN escapes &, < and > so nothing pings', () => {
    expect(escapeMrkdwn('<!channel> <!here> <@U123> <!subteam^S1|team> a&b &lt;')).toBe(
      '&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;!subteam^S1|team&gt; a&amp;b &amp;lt;',
    );
  });

  it('GIVEN terminal escapes and bidi overrides THEN strips them', () => {
    expect(escapeMrkdwn('Evil\u001b[31m\u202eCity')).toBe('Evil[31mCity');
  });

  it('GIVEN rich text THEN stored strings are escaped, dates become Slack dates and commands code', () => {
    expect(
      mrkdwn(['<@U1> since ', { date: '2001-05-05' }, ' try ', { command: 'partners `x` <y>' }], '/twin '),
    ).toBe("&lt;@U1&gt; since <!date^989056800^{date_long}|5 May 2001> try `/twin partners 'x' &lt;y&gt;`");
  });

  it('GIVEN a link whose URL or label holds | < > & THEN the link cannot end early or ping', () => {
    expect(mrkdwnLink('[1] A <!channel> & B', 'https://example.org/a?b=1&c=|x>')).toBe(
      '<https://example.org/a?b=1&amp;c=%7Cx%3E|[1] A &lt;!channel&gt; &amp; B>',
    );
  });
});

describe('splitMrkdwn', () => {
  it('GIVEN text within the limit THEN one piece, unchanged', () => {
    expect(splitMrkdwn('short', 10)).toEqual(['short']);
  });

  it('GIVEN lines THEN cuts at a line break, dropping only that break', () => {
    expect(splitMrkdwn('aaaa\nbbbb\ncccc', 9)).toEqual(['aaaa\nbbbb', 'cccc']);
  });

  it('GIVEN Slack dates with spaces in their fallback THEN never cuts inside one', () => {
    const text = Array.from({ length: 40 }, () => mrkdwn([{ date: '1967-06-03' }], '')).join(' ');
    const pieces = splitMrkdwn(text, 100);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(100);
      expect(piece).toMatch(/^(<!date\^-81439200\^\{date_long\}\|3 June 1967> ?)+$/);
    }
    expect(pieces.join(' ')).toBe(text);
  });

  it('GIVEN one long word of entities THEN never cuts inside an entity or a surrogate pair', () => {
    const text = escapeMrkdwn('<&>😀'.repeat(300));
    const pieces = splitMrkdwn(text, 97);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(97);
      expect(piece).toMatch(/^(&lt;|&amp;|&gt;|😀)+$/u);
    }
  });
});

describe('renderSlack', () => {
  it('GIVEN an answer THEN header, fields, section rows and a sources footer, with a summary fallback', () => {
    const [page, ...rest] = renderSlack(
      answer({
        title: 'Prague – Shanghai',
        text: 'One agreement',
        fields: [{ label: 'Status', value: ['terminated by Shanghai on ', { date: '2020-01-14' }] }],
        sections: [{ heading: 'Timeline', rows: [{ text: 'signed', detail: 'in Shanghai' }] }],
        links: [{ label: '[1] News', url: 'https://example.org/news' }],
        footer: 'Sources as recorded',
      }),
    );
    expect(rest).toEqual([]);
    expect(page?.blocks.map((b) => b.type)).toEqual([
      'header',
      'section',
      'section',
      'section',
      'context',
      'context',
    ]);
    expect(textOf(page)).toBe(
      [
        'Prague – Shanghai',
        'One agreement',
        '*Status*\nterminated by Shanghai on <!date^1578996000^{date_long}|14 January 2020>',
        '*Timeline*\n• signed\n      in Shanghai',
        'Sources:\n<https://example.org/news|[1] News>',
        'Sources as recorded',
      ].join('\n'),
    );
    expect(page?.text).toBe('Prague – Shanghai: One agreement');
  });

  it('GIVEN more than ten fields THEN sections of at most ten, in order', () => {
    const fields = Array.from({ length: 23 }, (_, i) => ({ label: `L${i}`, value: `v${i}` }));
    const [page] = renderSlack(answer({ fields }));
    const counts = page?.blocks.map((b) => (b.type === 'section' ? (b.fields?.length ?? 0) : 0));
    expect(counts).toEqual([10, 10, 3]);
    expect(textOf(page)).toBe(fields.map((f) => `*${f.label}*\n${f.value}`).join('\n'));
  });

  it('GIVEN a field value too long for a field THEN it gets a section of its own, whole', () => {
    const long = 'word '.repeat(900).trim();
    const [page] = renderSlack(answer({ fields: [{ label: 'Notes', value: long }] }));
    expect(slackMessageError(page ?? {})).toBeUndefined();
    expect(textOf(page).replace(/\s+/g, ' ')).toBe(`*Notes* ${long}`);
  });

  it('GIVEN a title longer than a header allows THEN shows it whole in bold instead', () => {
    const title = `Partner cities of ${'Llanfair'.repeat(25)}`;
    const [page] = renderSlack(answer({ title, text: 'x' }));
    expect(page?.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: `*${title}*` } });
  });

  it('GIVEN a short answer THEN one page without page markers', () => {
    const pages = renderSlack(answer({ title: 'T', sections: [{ rows: [{ text: 'a' }] }] }));
    expect(pages).toHaveLength(1);
    expect(textOf(pages[0])).not.toContain('Page');
  });

  it('GIVEN 500 dated rows THEN pages within every Slack limit (even with buttons) holding each row once, in order', () => {
    const rows: Row[] = Array.from({ length: 500 }, (_, i) => ({
      text: `Partner ${String(i).padStart(3, '0')} (twin town)`,
      detail: ['active since ', { date: '1967-06-03' }, ` · note <!here> ${'n'.repeat(i % 90)}`],
    }));
    const pages = renderSlack(
      answer({ title: 'Partner cities of Hubov', sections: [{ heading: 'All', rows }] }),
    );
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, i) => {
      expect(slackMessageError(withButtons(page)), `page ${i + 1}`).toBeUndefined();
      expect(page.blocks.length).toBeLessThanOrEqual(PAGE_BUDGET.blocks);
      expect(page.blocks[0]).toEqual({
        type: 'header',
        text: { type: 'plain_text', text: 'Partner cities of Hubov' },
      });
      expect(textOf(page)).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page.text).toBe(`Partner cities of Hubov (page ${i + 1} of ${pages.length})`);
    });
    const seen = pages.flatMap((p) => textOf(p).match(/Partner \d{3}/g) ?? []);
    expect(seen).toEqual(rows.map((r) => String(r.text).replace(' (twin town)', '')));
  });

  it('GIVEN many small blocks THEN no page holds more blocks than the budget, and none is lost', () => {
    const fields = Array.from({ length: 600 }, (_, i) => ({ label: `F${i}`, value: 'v' }));
    const pages = renderSlack(answer({ fields }));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(page.blocks.length).toBeLessThanOrEqual(PAGE_BUDGET.blocks);
      expect(slackMessageError(withButtons(page))).toBeUndefined();
    }
    expect(pages.flatMap((p) => textOf(p).match(/\*F\d+\*/g) ?? [])).toHaveLength(600);
  });

  it('GIVEN an error reply without a title THEN its text is the fallback, escaped', () => {
    const [page] = renderSlack(problem('No city named "<!channel>".'));
    expect(page?.text).toBe('No city named "&lt;!channel&gt;".');
  });

  it('GIVEN a very long answer text THEN the notification fallback is a short summary, while the blocks keep it all', () => {
    const text = 'word '.repeat(1500).trim();
    const pages = renderSlack(answer({ title: 'Long', text }));
    expect(pages).toHaveLength(1);
    expect(pages[0]?.text.length).toBeLessThanOrEqual(320);
    expect(pages[0]?.text).toMatch(/^Long: word word .*…$/);
    expect(textOf(pages[0]).match(/word/g)).toHaveLength(1500);
  });
});
