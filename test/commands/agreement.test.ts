import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { YesNoQuestion } from '../../src/core/parse-command.ts';
import { renderPlain } from '../../src/render/plain.ts';
import { SEED_PATH } from '../../src/store/paths.ts';
import type { StoreInput } from '../../src/store/schema.ts';
import { dispatcherFor, operator, smallStore } from '../fixtures/knowledge-base.ts';
import { askSeed, askSmall } from './seed-answers.ts';

/** `agreement a / b` asked as a yes/no question, on the small store. */
async function askYesNo(asks: YesNoQuestion, a: string, b: string) {
  const { dispatcher } = await dispatcherFor();
  const reply = await dispatcher.run({ command: 'agreement', args: { city: a, with: b }, asks }, operator);
  return renderPlain(reply);
}

describe('agreement', () => {
  it('GIVEN Prague and Shanghai in the seed THEN says Shanghai terminated it on 14 January 2020', async () => {
    const text = await askSeed('agreement prague shanghai');
    expect(text).toContain('Status:          terminated by Shanghai on 14 January 2020');
    expect(text).toContain('17 May 2017 in Shanghai — signed');
    expect(text).not.toMatch(/terminated by Prague/);
  });

  it('GIVEN Paderborn and Le Mans THEN shows the 836 tie and the 1967-06-03 signing', async () => {
    const text = await askSeed('agreement paderborn le mans');
    expect(text).toContain('836 — historic tie');
    expect(text).toContain('3 June 1967 in Le Mans — signed');
  });

  it('GIVEN San Francisco and Osaka THEN the status is disputed and each side is shown', async () => {
    const text = await askSeed('agreement san francisco osaka');
    expect(text).toMatch(
      /Status: +disputed: terminated by Osaka on 2 October 2018; San Francisco does not accept that/,
    );
    expect(text).toMatch(/Osaka's side: +terminated/);
    expect(text).toMatch(/San Francisco's side: +active/);
  });

  it('GIVEN Rotterdam and Istanbul THEN the status is disputed', async () => {
    expect(await askSeed('agreement rotterdam / istanbul')).toMatch(/Status: +disputed/);
  });

  it('GIVEN Preston and Nablus THEN it was rejected by Preston and never signed', async () => {
    const text = await askSeed('agreement preston and nablus');
    expect(text).toMatch(/Status: +rejected by Preston on 30 October 2003/);
    expect(text).toContain('no signing recorded');
  });

  it('GIVEN Borlänge and Wuhan THEN says the start date is unknown rather than inventing one', async () => {
    const text = await askSeed('agreement borlange wuhan');
    expect(text).toMatch(/Status: +being phased out by Borlänge on 16 October 2019/);
    expect(text).toMatch(/Signed: +date unknown/);
  });

  it('GIVEN sources THEN lists them with their links and cites them in the timeline', async () => {
    const text = await askSmall('agreement prague shanghai');
    expect(text).toContain('14 January 2020 — terminated by Shanghai [1]');
    expect(text).toContain('[1] Shanghai ends tie <https://example.org/news>');
  });

  it('GIVEN two cities with no partnership THEN says none is recorded', async () => {
    const text = await askSmall('agreement prague osaka');
    expect(text).toContain('No partnership between Prague – Osaka is recorded.');
  });

  describe('GIVEN an in-force question', () => {
    /** Asks "is it still in force?" of the small store with `milestones` appended to one partnership. */
    type Milestones = NonNullable<StoreInput['partnerships'][number]['milestones']>;
    const askInForce = async (id: string, milestones: Milestones) => {
      const data = smallStore();
      const p = data.partnerships.find((x) => x.id === id);
      p?.milestones?.push(...milestones);
      const { dispatcher } = await dispatcherFor(data);
      const [city, other] = p?.cities ?? [];
      const reply = await dispatcher.run(
        { command: 'agreement', args: { city: city ?? '', with: other ?? '' }, asks: 'in-force' },
        operator,
      );
      return renderPlain(reply);
    };

    it('THEN an end known to the month says "in March 2024", not "on"', async () => {
      expect(
        await askInForce('prague-cz--taipei-tw', [{ kind: 'termination', date: '2024-03', by: 'taipei-tw' }]),
      ).toContain('No: Taipei ended the partnership in March 2024.');
    });

    it('THEN a disputed act that is not an end names the objector once', async () => {
      const text = await askInForce('nablus-ps--preston-gb', [
        { kind: 'objection', date: '2003-11', by: 'nablus-ps' },
      ]);
      expect(text).toContain(
        "Disputed: rejected by Preston's council on 30 October 2003; Nablus does not accept that.",
      );
    });
  });

  describe('GIVEN a yes/no question about who ended it', () => {
    const ask = (a: string, b: string) => askYesNo('ended-by-first', a, b);

    it('THEN the city that ended it gets a Yes first', async () => {
      expect(await ask('shanghai-cn', 'prague-cz')).toContain(
        'Yes: Shanghai ended the partnership on 14 January 2020.',
      );
    });

    it('THEN the other city gets a No that names who did', async () => {
      expect(await ask('prague-cz', 'shanghai-cn')).toContain(
        'No: Shanghai ended the partnership on 14 January 2020; Prague did not.',
      );
    });

    it('THEN a disputed end says so', async () => {
      expect(await ask('osaka-jp', 'san-francisco-us')).toContain(
        'Yes, but it is disputed: Osaka ended the partnership',
      );
    });

    it('THEN a tie nobody ended gets a No with its status', async () => {
      expect(await ask('prague-cz', 'taipei-tw')).toContain('No: active since 13 January 2020.');
    });
  });
  describe('GIVEN a yes/no question whether it ended, by either side', () => {
    const ask = (a: string, b: string) => askYesNo('ended', a, b);

    it('THEN a tie the other city ended gets a Yes that names who did', async () => {
      const text = await ask('prague-cz', 'shanghai-cn');
      expect(text).toContain('Yes: Shanghai ended the partnership on 14 January 2020.');
      expect(text).not.toContain('Prague did not');
    });

    it('THEN the order of the two cities does not change the answer', async () => {
      expect(await ask('shanghai-cn', 'prague-cz')).toContain(
        'Yes: Shanghai ended the partnership on 14 January 2020.',
      );
    });

    it('THEN a disputed end says so', async () => {
      expect(await ask('san-francisco-us', 'osaka-jp')).toContain(
        'Yes, but it is disputed: Osaka ended the partnership',
      );
    });

    it('THEN a tie nobody ended gets a No with its status', async () => {
      expect(await ask('taipei-tw', 'prague-cz')).toContain('No: active since 13 January 2020.');
    });
  });
});

describe('agreement asked how long (focus since)', () => {
  type Milestones = NonNullable<StoreInput['partnerships'][number]['milestones']>;
  /** Runs `agreement` with focus `since` on the seed (or the small store with a pair's milestones replaced). */
  const askSince = async (
    city: string,
    other: string,
    options: { lang?: 'de' | 'ja'; today?: string; milestones?: [string, Milestones] } = {},
  ) => {
    const seed = options.milestones ? smallStore() : JSON.parse(await readFile(SEED_PATH, 'utf8'));
    if (options.milestones) {
      const [id, milestones] = options.milestones;
      const p = (seed as StoreInput).partnerships.find((x) => x.id === id);
      if (p) p.milestones = milestones;
    }
    const { dispatcher } = await dispatcherFor(seed, options.today ?? '2026-11-26');
    const reply = await dispatcher.run(
      { command: 'agreement', args: { city, with: other }, focus: 'since' },
      { ...operator, ...(options.lang && { lang: options.lang }) },
    );
    return renderPlain(reply);
  };

  it('GIVEN a partnership in force signed on a known day THEN the answer leads with the years, since that day', async () => {
    const text = await askSince('rzeszow', 'klagenfurt');
    expect(text.split('\n').slice(0, 3).join('\n')).toContain('51 years, since 4 February 1975.');
  });

  it('GIVEN a German and a Japanese reader THEN the same answer in their words, with Intl years', async () => {
    expect(await askSince('rzeszow', 'klagenfurt', { lang: 'de' })).toContain(
      '51 Jahre, seit dem 4. Februar 1975.',
    );
    expect(await askSince('rzeszow', 'klagenfurt', { lang: 'ja' })).toContain('1975年2月4日から51 年です。');
  });

  it('GIVEN a partnership one side ended THEN says how long it was in force, from when, until who ended it', async () => {
    expect(await askSince('prague', 'shanghai')).toContain(
      'In force for 2 years, from 17 May 2017 until Shanghai ended the partnership on 14 January 2020.',
    );
    expect(await askSince('prague', 'shanghai', { lang: 'de' })).toContain(
      '2 Jahre in Kraft, ab dem 17. Mai 2017; danach: Beendigung durch Shanghai am 14. Januar 2020.',
    );
  });

  it('GIVEN a disputed end THEN says it is disputed and who does not accept it', async () => {
    expect(await askSince('san francisco', 'osaka')).toContain(
      'Disputed: in force for 60 years, from 7 October 1957 until Osaka ended the partnership on 2 October 2018; San Francisco does not accept that.',
    );
  });

  it('GIVEN a signing known only to the month THEN whole years only where every day of it agrees, else "about"', async () => {
    const signed: Milestones = [{ kind: 'signing', date: '1974-10' }];
    expect(
      await askSince('prague-cz', 'taipei-tw', {
        today: '2024-11-02',
        milestones: ['prague-cz--taipei-tw', signed],
      }),
    ).toContain('50 years, since October 1974.');
    expect(
      await askSince('prague-cz', 'taipei-tw', {
        today: '2024-10-15',
        milestones: ['prague-cz--taipei-tw', signed],
      }),
    ).toContain('about 50 years, since October 1974.');
  });

  it('GIVEN a signing less than a year ago THEN says less than a year', async () => {
    const signed: Milestones = [{ kind: 'signing', date: '2026-03-01' }];
    expect(
      await askSince('prague-cz', 'taipei-tw', { milestones: ['prague-cz--taipei-tw', signed] }),
    ).toContain('less than a year, since 1 March 2026.');
  });

  it('GIVEN no date to count from, or a partnership never in force THEN says what is not known, or that it is not in force', async () => {
    expect(await askSince('borlange', 'wuhan')).toContain(
      'Since when is not recorded: being phased out by Borlänge on 16 October 2019.',
    );
    expect(await askSince('preston', 'nablus')).toContain(
      'Not in force: rejected by Preston on 30 October 2003.',
    );
  });
});
