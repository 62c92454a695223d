import { describe, expect, it } from 'vitest';
import { renderPlain } from '../../src/render/plain.ts';
import type { StoreInput } from '../../src/store/schema.ts';
import { dispatcherFor, operator, smallStore } from '../fixtures/knowledge-base.ts';
import { askSeed, askSmall } from './seed-answers.ts';

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
    const ask = async (a: string, b: string) => {
      const { dispatcher } = await dispatcherFor();
      const reply = await dispatcher.run(
        { command: 'agreement', args: { city: a, with: b }, asks: 'ended-by-first' },
        operator,
      );
      return renderPlain(reply);
    };

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
});
