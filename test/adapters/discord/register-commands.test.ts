import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { registerCommands } from '../../../src/adapters/discord/register-commands.ts';
import { ConfigError } from '../../../src/config.ts';
import { FakeDiscord } from '../../fakes/discord.ts';
import { runTwinbot } from '../../fixtures/twinbot-process.ts';
import { APPLICATION_ID, TOKEN } from './harness.ts';

let fake: FakeDiscord;

beforeEach(async () => {
  fake = await FakeDiscord.start({ token: TOKEN, applicationId: APPLICATION_ID });
});

afterEach(async () => {
  await fake.close();
});

type Option = {
  name: string;
  type?: number;
  required?: boolean;
  autocomplete?: boolean;
  choices?: { name: string; value: string }[];
  options?: Option[];
};

const config = () => ({ token: TOKEN, applicationId: APPLICATION_ID, apiUrl: fake.apiUrl });

describe('registerCommands', () => {
  it('GIVEN a guild THEN one bulk PUT of the generated commands to that guild, accepted by the fake', async () => {
    const registered = await registerCommands(config(), commands, '1500000000000000001');
    const [put, ...others] = fake.calls;
    expect(others).toEqual([]);
    expect(put?.method).toBe('PUT');
    expect(put?.path).toBe(`/applications/${APPLICATION_ID}/guilds/1500000000000000001/commands`);
    expect(put?.auth).toBe(`Bot ${TOKEN}`);
    expect(put?.status).toBe(200);
    const [twin, staff] = (put?.body ?? []) as (Option & { default_member_permissions?: string })[];
    expect(twin?.name).toBe('twin');
    expect(twin?.options?.find((o) => o.name === 'partners')?.options?.[0]).toMatchObject({
      name: 'city',
      autocomplete: true,
    });
    expect(staff).toMatchObject({ name: 'twin-staff', default_member_permissions: '32' });
    expect(registered.guildId).toBe('1500000000000000001');
  });

  it('GIVEN the staff edit commands THEN places autocomplete, kinds are choices, who is Mentionable, and the fake accepts them', async () => {
    await registerCommands(config(), commands, '1500000000000000001');
    const [put] = fake.calls;
    expect(put?.status).toBe(200);
    const staff = ((put?.body ?? []) as Option[]).find((c) => c.name === 'twin-staff');
    const sub = (name: string) => (staff?.options?.find((o) => o.name === name)?.options ?? []) as Option[];
    expect(sub('add').map((o) => [o.name, o.type, o.required, o.autocomplete])).toEqual([
      ['city', 3, true, true],
      ['with', 3, true, true],
      ['type', 3, false, undefined],
      ['signed', 3, false, undefined],
      ['source', 3, false, undefined],
      ['share', 5, false, undefined],
    ]);
    expect(sub('add').find((o) => o.name === 'type')?.choices).toContainEqual(
      expect.objectContaining({ name: 'Friendship city', value: 'friendship_city' }),
    );
    expect(sub('record').find((o) => o.name === 'milestone')).toMatchObject({ required: true });
    expect(
      sub('record')
        .find((o) => o.name === 'milestone')
        ?.choices?.map((c) => c.value),
    ).toContain('termination');
    expect(sub('staff').find((o) => o.name === 'who')).toMatchObject({ type: 9, required: false });
    expect(staff?.options?.map((o) => o.name)).toEqual(
      expect.arrayContaining(['add', 'record', 'remove', 'alias', 'city-set', 'staff', 'history', 'undo']),
    );
  });

  it('GIVEN no guild THEN the PUT goes to the global commands', async () => {
    const registered = await registerCommands(config(), commands);
    expect(fake.calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
      `PUT /applications/${APPLICATION_ID}/commands 200`,
    ]);
    expect(registered.guildId).toBeUndefined();
    expect(registered.commands.map((c) => c.name)).toEqual(['twin', 'twin-staff']);
  });

  it('GIVEN a wrong token THEN a ConfigError that names DISCORD_TOKEN and does not contain the token', async () => {
    const wrong = 'MTIwMDAwMDAwMDAwMDAwMDAwMQ.wrong.secret-that-must-not-leak';
    const error = await registerCommands(
      { ...config(), token: wrong },
      commands,
      '1500000000000000001',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('DISCORD_TOKEN');
    expect((error as Error).message).not.toContain('secret-that-must-not-leak');
  });

  it('GIVEN a guild id that is not a number THEN refused before any request', async () => {
    await expect(registerCommands(config(), commands, 'my-server')).rejects.toThrow(
      /--guild must be a server id/,
    );
    expect(fake.calls).toEqual([]);
  });
});

describe('twinbot register-commands (real CLI process)', () => {
  const env = () => ({
    DISCORD_TOKEN: TOKEN,
    DISCORD_APPLICATION_ID: APPLICATION_ID,
    DISCORD_API_URL: fake.apiUrl,
  });

  it('GIVEN --guild 1 and DISCORD_* pointing at the fake THEN the PUT reaches it and exit 0', async () => {
    const run = await runTwinbot(['register-commands', '--guild', '1'], { ...env(), LC_ALL: 'en_GB.UTF-8' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'Registered /twin (9 subcommands) and /twin-staff (13 subcommands) in server 1.\n',
    );
    const put = await fake.waitFor((c) => c.method === 'PUT');
    expect(put.path).toBe(`/applications/${APPLICATION_ID}/guilds/1/commands`);
  });

  it('GIVEN --lang de, or a Czech shell THEN it says what it registered in that language', async () => {
    const german = await runTwinbot(['register-commands', '--lang', 'de'], env());
    expect(german.stdout).toBe(
      '/twin (9 Unterbefehle) und /twin-staff (13 Unterbefehle) für alle Server registriert.\n',
    );
    const czech = await runTwinbot(['register-commands', '--guild', '1'], {
      ...env(),
      LC_ALL: '',
      LANG: 'cs_CZ.UTF-8',
    });
    expect(czech.stdout).toBe(
      'Příkazy zaregistrovány na serveru 1: /twin (9 podpříkazů) a\u00a0/twin-staff (13 podpříkazů).\n',
    );
  });

  it('GIVEN Discord is not configured THEN exit 1 with a message naming the variables', async () => {
    const run = await runTwinbot(['register-commands'], {});
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('register-commands needs DISCORD_TOKEN and DISCORD_APPLICATION_ID');
    expect(fake.calls).toEqual([]);
  });
});
