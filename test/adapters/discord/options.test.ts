import { afterEach, describe, expect, it } from 'vitest';
import { OPTION_TEXT_MAX } from '../../../src/adapters/discord/options.ts';
import type { RecordedCall } from '../../fakes/discord.ts';
import { type RunningBot, startBot, variantOf } from './harness.ts';

const EPHEMERAL = 64;

let bot: RunningBot | undefined;

afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

/** `/twin partners city:prague-cz`, answered: the interaction the variants are made from. */
async function partners(running: RunningBot): Promise<string> {
  const { id } = running.fake.slashCommand({
    command: 'twin',
    subcommand: 'partners',
    options: { city: 'prague-cz' },
  });
  await running.fake.callbackOf(id);
  return id;
}

/** The first embed's description of the answer to a variant whose `city` option is `option`. */
async function answerWithCity(running: RunningBot, option: unknown): Promise<RecordedCall> {
  const template = await partners(running);
  const id = variantOf(running.fake, template, (d) => {
    d.data.options[0].options = [option];
    return d;
  });
  return running.fake.callbackOf(id);
}

describe('Slash command options read at the edge', () => {
  it.each([
    ['a number', 42],
    ['an array', ['prague-cz']],
    ['an object', { toString: 'prague-cz' }],
    ['null', null],
  ])(
    'GIVEN a text option whose value is %s THEN a private answer saying what to do, not a failure',
    async (_, value) => {
      bot = await startBot();
      const call = await answerWithCity(bot, { name: 'city', type: 3, value });
      expect(call.body.data.flags).toBe(EPHEMERAL);
      expect(call.body.data.embeds[0].description).toBe(
        'Discord sent `city` as a kind of value this command does not take. A server admin can run `twinbot register-commands` to bring the commands up to date; then try again.',
      );
    },
  );

  it('GIVEN a text option sent as another option type THEN the same answer', async () => {
    bot = await startBot();
    const call = await answerWithCity(bot, { name: 'city', type: 4, value: 7 });
    expect(call.body.data.embeds[0].description).toMatch(/^Discord sent `city` as a kind of value/);
  });

  it('GIVEN a text option longer than Discord allows THEN asked to shorten it', async () => {
    bot = await startBot();
    const call = await answerWithCity(bot, { name: 'city', type: 3, value: 'p'.repeat(OPTION_TEXT_MAX + 1) });
    expect(call.body.data.embeds[0].description).toBe(
      '`city` is longer than Discord allows (6000 characters). Shorten it and try again.',
    );
  });

  it('GIVEN share sent as text THEN the same kind of answer, and nothing is shared', async () => {
    bot = await startBot();
    const template = await partners(bot);
    const id = variantOf(bot.fake, template, (d) => {
      d.data.options[0].options.push({ name: 'share', type: 3, value: 'yes' });
      return d;
    });
    const call = await bot.fake.callbackOf(id);
    expect(call.body.data.flags).toBe(EPHEMERAL);
    expect(call.body.data.embeds[0].description).toMatch(/^Discord sent `share` as a kind of value/);
  });

  it.each([
    [
      'a subcommand group',
      (d: { data: { options: unknown[] } }) => [{ type: 2, name: 'x', options: d.data.options }],
    ],
    ['no subcommand', () => [{ name: 'city', type: 3, value: 'prague-cz' }]],
    ['two subcommands', (d: { data: { options: unknown[] } }) => [...d.data.options, ...d.data.options]],
  ])('GIVEN %s THEN "not one I know any more"', async (_, options) => {
    bot = await startBot();
    const template = await partners(bot);
    const id = variantOf(bot.fake, template, (d) => ({ ...d, data: { ...d.data, options: options(d) } }));
    const call = await bot.fake.callbackOf(id);
    expect(call.body.data.embeds[0].description).toMatch(/^This command is not one I know any more/);
  });

  it('GIVEN an option the command does not declare THEN it is left out and the command answered', async () => {
    bot = await startBot();
    const call = await answerWithCity(bot, { name: 'colour', type: 3, value: 'blue' });
    expect(call.body.data.embeds[0].description).toMatch(/home city/);
  });
});
