import { afterEach, describe, expect, it } from 'vitest';
import { smallStore } from '../../fixtures/knowledge-base.ts';
import { hubWithPartners, MEMBER_ROLE, OFFICE_ROLE, type RunningBot, startBot } from './harness.ts';

let bot: RunningBot | undefined;

afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const withOfficeStaff = () => {
  const data = smallStore();
  return { ...data, settings: { staff: [`discord:role:${OFFICE_ROLE}`] } };
};

describe('Discord staff commands', () => {
  it('GIVEN a member without the staff role THEN /twin-staff home is refused, ephemeral, store unchanged', async () => {
    bot = await startBot({ data: withOfficeStaff() });
    const before = JSON.stringify(bot.store.catalog.data);
    const { id } = bot.fake.slashCommand({
      command: 'twin-staff',
      subcommand: 'home',
      options: { city: 'prague-cz', share: true },
      member: { userId: '1100000000000000002', roles: [MEMBER_ROLE] },
    });
    const call = await bot.fake.callbackOf(id);
    expect(call.body.data.flags).toBe(64);
    expect(call.body.data.embeds[0].description).toContain('is for office staff only');
    expect(JSON.stringify(bot.store.catalog.data)).toBe(before);
  });

  it('GIVEN a member holding a staff role from the store THEN the home city is set', async () => {
    bot = await startBot({ data: withOfficeStaff() });
    const { id } = bot.fake.slashCommand({
      command: 'twin-staff',
      subcommand: 'home',
      options: { city: 'prague-cz' },
      member: { userId: '1100000000000000003', roles: [OFFICE_ROLE] },
    });
    const call = await bot.fake.callbackOf(id);
    expect(call.body.data.embeds[0].description).toContain('The home city is now Prague');
    expect(bot.store.catalog.data.settings.homeCity).toBe('prague-cz');
  });

  it('GIVEN a write slower than the defer threshold THEN deferred (type 5) first, then the answer edited in', async () => {
    const data = { ...hubWithPartners(3000), settings: { staff: [`discord:role:${OFFICE_ROLE}`] } };
    bot = await startBot({ data, deferAfterMs: 0 });
    const { id, token } = bot.fake.slashCommand({
      command: 'twin-staff',
      subcommand: 'home',
      options: { city: 'hub-de' },
      member: { userId: '1100000000000000003', roles: [OFFICE_ROLE] },
    });
    const deferred = await bot.fake.callbackOf(id);
    expect(deferred.body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await bot.fake.waitFor(
      (c) => c.method === 'PATCH' && c.path.endsWith(`/${token}/messages/@original`),
    );
    expect(edit.status).toBe(200);
    expect(edit.body.embeds[0].description).toContain('The home city is now Hubstadt');
    expect(edit.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(bot.store.catalog.data.settings.homeCity).toBe('hub-de');
  });
});
