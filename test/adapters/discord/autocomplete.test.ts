import { afterEach, describe, expect, it } from 'vitest';
import type { StoreInput } from '../../../src/store/schema.ts';
import { smallStore } from '../../fixtures/knowledge-base.ts';
import { type RunningBot, startBot } from './harness.ts';

let bot: RunningBot | undefined;

afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

async function complete(
  running: RunningBot,
  subcommand: string,
  name: string,
  value: string,
  command = 'twin',
) {
  const { id } = running.fake.autocomplete({ command, subcommand, focused: { name, value } });
  const call = await running.fake.callbackOf(id);
  expect(call.status).toBe(204);
  expect(call.body.type).toBe(8);
  return call.body.data.choices as { name: string; value: string }[];
}

/** The small store plus 40 cities whose names start with "Saint". */
function manySaints(): StoreInput {
  const data = smallStore();
  const saints = Array.from({ length: 40 }, (_, i) => ({
    id: `saint-${i}-fr`,
    name: `Saint-Ville ${i}`,
    country: 'FR',
  }));
  return { ...data, cities: [...(data.cities ?? []), ...saints] };
}

describe('Discord city autocomplete', () => {
  it('GIVEN "prah" THEN Prague first, its id as the value, fast', async () => {
    bot = await startBot();
    const started = Date.now();
    const choices = await complete(bot, 'partners', 'city', 'prah');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(choices[0]).toEqual({ name: 'Prague, Czechia', value: 'prague-cz' });
  });

  it('GIVEN "北上" THEN Kitakami', async () => {
    bot = await startBot();
    const choices = await complete(bot, 'city', 'city', '北上');
    expect(choices[0]?.value).toBe('kitakami-jp');
  });

  it('GIVEN the second city of agreement and "conc" THEN both Concords, told apart by region', async () => {
    bot = await startBot();
    const choices = await complete(bot, 'agreement', 'with', 'conc');
    expect(choices.map((c) => c.value).sort()).toEqual(['concord-california-us', 'concord-massachusetts-us']);
    expect(choices.map((c) => c.name)).toContain('Concord, Massachusetts, United States');
  });

  it('GIVEN 40 matching cities THEN exactly 25 choices (Discord refuses more)', async () => {
    bot = await startBot({ data: manySaints() });
    const choices = await complete(bot, 'partners', 'city', 'saint');
    expect(choices).toHaveLength(25);
    expect(new Set(choices.map((c) => c.value)).size).toBe(25);
  });

  it('GIVEN the city and partner options of /twin-staff add (known or new cities) THEN city choices too', async () => {
    bot = await startBot();
    expect((await complete(bot, 'add', 'city', 'prah', 'twin-staff'))[0]?.value).toBe('prague-cz');
    expect((await complete(bot, 'add', 'with', 'conc', 'twin-staff')).map((c) => c.value).sort()).toEqual([
      'concord-california-us',
      'concord-massachusetts-us',
    ]);
  });

  it('GIVEN the window option of anniversaries THEN no city choices', async () => {
    bot = await startBot();
    expect(await complete(bot, 'anniversaries', 'window', 'pra')).toEqual([]);
  });
});
