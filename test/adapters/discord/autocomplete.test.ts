import { afterEach, describe, expect, it } from 'vitest';
import type { StoreInput } from '../../../src/store/schema.ts';
import { smallStore } from '../../fixtures/knowledge-base.ts';
import { type RunningBot, startBot, variantOf } from './harness.ts';

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

  it.each([
    ['no focused option', (o: Record<string, unknown>) => [{ ...o, focused: undefined }]],
    ['two focused options', (o: Record<string, unknown>) => [o, { ...o, name: 'with' }]],
    ['a focused number', (o: Record<string, unknown>) => [{ ...o, value: 5 }]],
    ['a focused object', (o: Record<string, unknown>) => [{ ...o, value: { name: 'prague' } }]],
  ])('GIVEN a keystroke with %s THEN answered with no choices', async (_, options) => {
    bot = await startBot();
    const { id: template } = bot.fake.autocomplete({
      command: 'twin',
      subcommand: 'partners',
      focused: { name: 'city', value: 'pra' },
    });
    await bot.fake.callbackOf(template);
    const id = variantOf(bot.fake, template, (d) => {
      d.data.options[0].options = options(d.data.options[0].options[0]);
      return d;
    });
    const call = await bot.fake.callbackOf(id);
    expect(call.status).toBe(204);
    expect(call.body).toEqual({ type: 8, data: { choices: [] } });
  });

  it('GIVEN a megabyte typed into a city option THEN no choices, at once, and the next keystroke is answered', async () => {
    bot = await startBot();
    const started = Date.now();
    expect(await complete(bot, 'partners', 'city', 'prague '.repeat(150_000))).toEqual([]);
    expect(await complete(bot, 'partners', 'city', 'prah')).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
