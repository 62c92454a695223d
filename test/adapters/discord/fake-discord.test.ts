import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeDiscord, PERMISSIONS } from '../../fakes/discord.ts';
import { APPLICATION_ID, GUILD, TOKEN } from './harness.ts';

/** The fake must refuse what Discord refuses, or "accepted by the fake" would prove nothing. */
let fake: FakeDiscord;

beforeEach(async () => {
  fake = await FakeDiscord.start({ token: TOKEN, applicationId: APPLICATION_ID, guilds: [GUILD] });
});

afterEach(async () => {
  await fake.close();
});

async function callback(interaction: { id: string; token: string }, body: unknown) {
  const response = await fetch(
    `${fake.apiUrl}/v10/interactions/${interaction.id}/${interaction.token}/callback`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    },
  );
  return { status: response.status, body: response.status === 204 ? undefined : await response.json() };
}

describe('the fake Discord enforces Discord limits', () => {
  it('GIVEN 26 autocomplete choices THEN 400 code 50035; 25 THEN accepted', async () => {
    const choices = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `c${i}`, value: `v${i}` }));
    const focused = { command: 'twin', subcommand: 'city', focused: { name: 'city', value: 'p' } };
    const tooMany = await callback(fake.autocomplete(focused), { type: 8, data: { choices: choices(26) } });
    expect(tooMany).toMatchObject({ status: 400, body: { code: 50035 } });
    expect(
      (await callback(fake.autocomplete(focused), { type: 8, data: { choices: choices(25) } })).status,
    ).toBe(204);
  });

  it('GIVEN a second callback for one interaction THEN 400 code 40060', async () => {
    const interaction = fake.slashCommand({ command: 'twin', subcommand: 'help' });
    expect((await callback(interaction, { type: 4, data: { content: 'one' } })).status).toBe(204);
    expect(await callback(interaction, { type: 4, data: { content: 'two' } })).toMatchObject({
      status: 400,
      body: { code: 40060 },
    });
  });

  it.each([
    ['content over 2000', { content: 'x'.repeat(2001) }],
    ['11 embeds', { embeds: Array.from({ length: 11 }, () => ({ description: 'x' })) }],
    ['26 fields', { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] }],
    ['a field value over 1024', { embeds: [{ fields: [{ name: 'n', value: 'x'.repeat(1025) }] }] }],
    [
      'over 6000 embed characters',
      { embeds: [{ description: 'x'.repeat(4000) }, { description: 'x'.repeat(2001) }] },
    ],
  ])('GIVEN a message with %s THEN 400 code 50035', async (_, data) => {
    const response = await callback(fake.slashCommand({ command: 'twin', subcommand: 'help' }), {
      type: 4,
      data,
    });
    expect(response).toMatchObject({ status: 400, body: { code: 50035 } });
  });
});

describe('the fake Discord enforces the rules for application commands', () => {
  const option = (extra: Record<string, unknown>) => ({ name: 'who', description: 'Someone', ...extra });
  const put = (options: unknown[]) =>
    fetch(`${fake.apiUrl}/v10/applications/${APPLICATION_ID}/commands`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bot ${TOKEN}` },
      body: JSON.stringify([{ name: 'twin', description: 'Twin', options }]),
    });
  const choices = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `c${i}`, value: `v${i}` }));

  it.each([
    ['choices on a Mentionable option', [option({ type: 9, choices: choices(2) })]],
    ['autocomplete on a Mentionable option', [option({ type: 9, autocomplete: true })]],
    ['26 choices', [option({ type: 3, choices: choices(26) })]],
    ['a number as a string choice value', [option({ type: 3, choices: [{ name: 'one', value: 1 }] })]],
    ['choices and autocomplete together', [option({ type: 3, choices: choices(2), autocomplete: true })]],
    ['an unknown option type', [option({ type: 12 })]],
    ['two options of one name', [option({ type: 3 }), option({ type: 9 })]],
    [
      'two options of one German name',
      [
        option({ type: 3, name_localizations: { de: 'stadt' } }),
        option({ name: 'city', type: 3, name_localizations: { de: 'stadt' } }),
      ],
    ],
    ['an upper-case localized name', [option({ type: 3, name_localizations: { de: 'Stadt' } })]],
    ['a localized name with a space', [option({ type: 3, name_localizations: { fr: 'ville jumelle' } })]],
    [
      'a required option after an optional one',
      [option({ type: 3, required: false }), option({ name: 'city', type: 3, required: true })],
    ],
  ])('GIVEN %s THEN 400 code 50035', async (_, options) => {
    const response = await put(options);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 50035 });
  });

  it('GIVEN localized names in lower case, Japanese and Czech included THEN accepted', async () => {
    const response = await put([
      option({ type: 3, name: 'city', name_localizations: { cs: 'město', ja: '都市' }, required: true }),
      option({ type: 9, name_localizations: { cs: 'kdo', ja: '対象' } }),
    ]);
    expect(response.status).toBe(200);
  });

  it('GIVEN a Mentionable option and a string option with 25 choices THEN accepted', async () => {
    const response = await put([
      option({ type: 3, name: 'kind', choices: choices(25), required: true }),
      option({ type: 9 }),
    ]);
    expect(response.status).toBe(200);
  });
});

describe('the fake Discord enforces the bot permissions of each channel', () => {
  it('GIVEN channels where the bot cannot see or cannot send THEN a post there gets 50001 or 50013; elsewhere it is accepted', async () => {
    const { ViewChannel } = PERMISSIONS;
    const guild = {
      ...GUILD,
      channels: [
        { id: '1400000000000000001', name: 'general' },
        { id: '1400000000000000002', name: 'read-only', botPermissions: ViewChannel },
        { id: '1400000000000000003', name: 'hidden', botPermissions: 0n },
      ],
    };
    const own = await FakeDiscord.start({ token: TOKEN, applicationId: APPLICATION_ID, guilds: [guild] });
    try {
      const post = async (channelId: string) => {
        const response = await fetch(`${own.apiUrl}/v10/channels/${channelId}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bot ${TOKEN}` },
          body: JSON.stringify({ content: 'hello' }),
        });
        return { status: response.status, code: ((await response.json()) as { code?: number }).code };
      };
      expect((await post('1400000000000000001')).status).toBe(200);
      expect(await post('1400000000000000002')).toEqual({ status: 403, code: 50013 });
      expect(await post('1400000000000000003')).toEqual({ status: 403, code: 50001 });
    } finally {
      await own.close();
    }
  });
});
