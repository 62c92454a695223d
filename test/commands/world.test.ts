import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { upcomingReminders } from '../../src/reminders/upcoming.ts';
import { anniversaryCalendar } from '../../src/render/calendar.ts';
import { renderDiscordPages } from '../../src/render/discord.ts';
import { plainSpans, renderPlain } from '../../src/render/plain.ts';
import { renderSlack } from '../../src/render/slack.ts';
import { answerText, editingDispatcher, errorText } from '../fixtures/edit-dispatcher.ts';
import { seedWithWorld, WORLD_FIXTURE } from '../fixtures/world-layer.ts';

/** A dispatcher over the seed with the world layer on, the audit clock fixed. */
async function withWorld() {
  return editingDispatcher(await seedWithWorld());
}

/** The reply as each renderer shows it: plain (shell, CLI), Slack blocks and Discord embeds. */
function everyRendering(reply: Parameters<typeof renderPlain>[0]): Record<string, string> {
  return {
    plain: renderPlain(reply),
    slack: JSON.stringify(renderSlack(reply)),
    discord: JSON.stringify(renderDiscordPages(reply)),
  };
}

describe('a store using the world layer: what is shown', () => {
  it('GIVEN a world city THEN partners lists its listed partners as "listed by …, no date recorded" on every renderer', async () => {
    const { ask } = await withWorld();
    const reply = await ask('partners Berlin');
    for (const [renderer, text] of Object.entries(everyRendering(reply))) {
      expect(text, renderer).toContain('Los Angeles');
      expect(text, renderer).toContain('listed by Wikipedia, no date recorded');
      expect(text, renderer).toContain('listed by Wikidata, no date recorded');
      expect(text, renderer).toContain('listed by Wikipedia and Wikidata, no date recorded');
      expect(text, renderer).not.toMatch(/since|active|anniversar/i);
    }
  });

  it('GIVEN a listed pair THEN agreement, city and search say it is listed without a date, never a status or since when', async () => {
    const { ask } = await withWorld();
    for (const question of [
      'agreement Berlin Paris',
      'is berlin paris still in force?',
      'city Berlin',
      'search Berl',
    ]) {
      const reply = await ask(question);
      for (const [renderer, text] of Object.entries(everyRendering(reply))) {
        expect(text, `${question} on ${renderer}`).not.toMatch(/since|active|anniversar|no status recorded/i);
      }
    }
    const agreement = answerText(await ask('agreement Berlin Paris'));
    expect(agreement).toContain('Status: listed by Wikipedia and Wikidata, no date recorded');
    expect(agreement).toContain('https://www.wikidata.org/wiki/Q64');
    expect(answerText(await ask('is berlin paris still in force?'))).toContain('Unknown: listed by');
    expect(answerText(await ask('city Berlin'))).toContain(
      'Partners:  4 only listed by Wikipedia or Wikidata (no date recorded)',
    );
  });

  it("GIVEN a pair both the office and the world know THEN the office's record is shown, once", async () => {
    const { say } = await withWorld();
    const partners = await say('partners Prague');
    expect(partners.match(/• Shanghai/g)).toHaveLength(1);
    expect(partners).toContain('terminated by Shanghai on 14 January 2020');
    expect(partners).toContain('Berlin');
    expect(await say('agreement Prague Shanghai')).toContain(
      'Status:          terminated by Shanghai on 14 January 2020',
    );
  });

  it('GIVEN the seed city Prague and its world twin THEN one Prague is found, by every name of either', async () => {
    const { say } = await withWorld();
    expect(await say('search Pra')).toContain('1 shown');
    // "Praag" is a name only the world's record of Prague has.
    expect(await say('city Praag')).toContain('id: prague-cz');
  });

  it('GIVEN listed pairs THEN no anniversary, reminder or calendar entry ever comes from them', async () => {
    const { say, store } = await withWorld();
    const year = await say('anniversaries 2027');
    expect(year).not.toContain('Berlin');
    expect(year).not.toContain('Słubice');
    const catalog = store.catalog;
    const today = Temporal.PlainDate.from('2026-11-26');
    const target = {
      id: 'slack:T1:C1',
      timeZone: 'Europe/Berlin',
      postAt: '09:00',
      leads: [0, 7, 30],
      filter: { city: 'berlin-de' },
      enabled: true,
    };
    expect(upcomingReminders(target, catalog, today, 400, new Set())).toEqual([]);
    expect(anniversaryCalendar(catalog, today)).not.toContain('Berlin');
  });

  it('GIVEN help THEN it names the sources with their licences', async () => {
    const { say } = await withWorld();
    const help = await say('help');
    expect(help).toMatch(/Wikipedia.*\n.*licence MIT/);
    expect(help).toMatch(/Wikidata.*\n.*licence CC0/);
    expect(help).toMatch(/GeoNames.*\n.*licence CC-BY-4\.0/);
  });
});

describe('a store using the world layer: staff edits', () => {
  it("GIVEN a milestone on a listed pair THEN it lands in the office's file with the pair, its sources and the new city; the world file is unchanged", async () => {
    const worldBefore = await readFile(join(WORLD_FIXTURE, 'world.json'));
    const { ask, say, fileText, store } = await withWorld();
    answerText(await ask('record Berlin Paris signing 1987-07-02'));
    const file = JSON.parse(await fileText());
    const pair = file.partnerships.find((p: { id: string }) => p.id === 'berlin-de--paris-fr');
    expect(pair.milestones).toEqual([{ kind: 'signing', date: '1987-07-02', sources: [] }]);
    expect(pair.sources.map((s: { id: string }) => s.id)).toEqual(['wikipedia', 'wikidata']);
    expect(file.cities.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining(['berlin-de', 'paris-fr']),
    );
    expect(await readFile(join(WORLD_FIXTURE, 'world.json'))).toEqual(worldBefore);
    expect(await say('partners Berlin')).toContain('active since 2 July 1987');
    // The office's file stands on its own: valid without the world layer.
    expect(store.catalog.data.audit.at(-1)?.changes?.map((c) => `${c.record} ${c.id}`)).toEqual([
      'city berlin-de',
      'city paris-fr',
      'partnership berlin-de--paris-fr',
    ]);
  });

  it('GIVEN that edit undone THEN the office file is as before and the pair is listed again', async () => {
    const { ask, say, fileText } = await withWorld();
    const before = JSON.parse(await fileText());
    answerText(await ask('record Berlin Paris signing 1987-07-02'));
    answerText(await ask('undo'));
    const after = JSON.parse(await fileText());
    expect(after.cities).toEqual(before.cities);
    expect(after.partnerships).toEqual(before.partnerships);
    expect(await say('partners Berlin')).toContain('listed by Wikipedia and Wikidata, no date recorded');
    expect(await say('history Berlin Paris')).toMatch(
      /Undid: Recorded for Berlin – Paris[\s\S]*Recorded for Berlin – Paris/,
    );
  });

  it('GIVEN an alias or a field set on a world city THEN the city is copied into the office with the change', async () => {
    const { ask, fileText, say } = await withWorld();
    answerText(await ask('alias Moscow Moskva cs'));
    answerText(await ask('city set Los Angeles region Los Angeles County'));
    const file = JSON.parse(await fileText());
    const moscow = file.cities.find((c: { id: string }) => c.id === 'moscow-ru');
    expect(moscow.names).toContainEqual({ name: 'Moskva', lang: 'cs', kind: 'alias' });
    expect(moscow.names).toContainEqual({ name: 'Москва', lang: 'ru', kind: 'native' });
    expect(file.cities.find((c: { id: string }) => c.id === 'los-angeles-us').region).toBe(
      'Los Angeles County',
    );
    expect(await say('partners Moskva')).toContain('Berlin');
  });

  it('GIVEN a partnership added between a seed city and a world city THEN the world city is copied in', async () => {
    const { ask, fileText } = await withWorld();
    answerText(await ask('add Kitakami / Słubice friendship_city signed 2001'));
    const file = JSON.parse(await fileText());
    expect(file.cities.some((c: { id: string }) => c.id === 'slubice-pl')).toBe(true);
    expect(file.partnerships.some((p: { id: string }) => p.id === 'kitakami-jp--slubice-pl')).toBe(true);
  });

  it('GIVEN add for a listed pair THEN it becomes the office record, keeping the lists as sources', async () => {
    const { ask, fileText, say } = await withWorld();
    expect(answerText(await ask('add Berlin / Moscow partner_city signed 1991'))).toContain(
      "It was listed by the world layer; it is now the office's own record.",
    );
    const pair = JSON.parse(await fileText()).partnerships.find(
      (p: { id: string }) => p.id === 'berlin-de--moscow-ru',
    );
    expect(pair.sources.map((s: { id: string }) => s.id)).toEqual(['wikidata']);
    expect(await say('partners Berlin')).toMatch(/Moscow \(partner city\)\n\s+active since 1991/);
  });

  it('GIVEN a listed pair removed THEN it stays hidden, the office file records it, and undo shows it again', async () => {
    const { ask, say, fileText } = await withWorld();
    expect(plainSpans((await ask('remove Berlin Moscow')).text ?? '')).toContain(
      'Hide the partnership Berlin – Moscow, listed by Wikidata?',
    );
    answerText(await ask('remove Berlin Moscow --yes'));
    expect(await say('partners Berlin')).not.toContain('Moscow');
    expect(errorText(await ask('agreement Berlin Moscow'))).toContain(
      'No partnership between Berlin – Moscow',
    );
    const file = JSON.parse(await fileText());
    expect(file.hiddenWorldPairs).toEqual(['berlin-de--moscow-ru']);
    expect(file.partnerships.some((p: { id: string }) => p.id === 'berlin-de--moscow-ru')).toBe(false);
    answerText(await ask('undo'));
    expect(await say('partners Berlin')).toContain('Moscow');
  });

  it('GIVEN an office pair over a listed pair removed THEN the listing does not come back', async () => {
    const { ask, say } = await withWorld();
    answerText(await ask('remove Prague Shanghai --yes'));
    expect(await say('partners Prague')).not.toContain('Shanghai');
  });

  it('GIVEN a world city as home THEN it is copied in, and partners without a city answers for it', async () => {
    const { ask, say, fileText } = await withWorld();
    answerText(await ask('home Berlin'));
    expect(JSON.parse(await fileText()).cities.some((c: { id: string }) => c.id === 'berlin-de')).toBe(true);
    expect(await say('partners')).toContain('Partner cities of Berlin');
  });
});

describe('turning the world layer on and off', () => {
  it('GIVEN a store without the layer THEN world on shows it, world off hides it again, and undo reverses each', async () => {
    const { ask, say } = await editingDispatcher(await seedWithWorld(false));
    expect(errorText(await ask('partners Berlin'))).toContain('No city named "Berlin"');
    expect(await say('world')).toContain('The world layer is off');
    expect(answerText(await ask('world on'))).toContain('14 cities and 9 listed partnerships');
    expect(await say('partners Berlin')).toContain('listed by Wikipedia');
    answerText(await ask('world off'));
    expect(errorText(await ask('partners Berlin'))).toContain('No city named "Berlin"');
    answerText(await ask('undo'));
    expect(await say('partners Berlin')).toContain('listed by Wikipedia');
  });
});
