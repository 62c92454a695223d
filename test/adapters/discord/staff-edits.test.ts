import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreInput } from '../../../src/store/schema.ts';
import type { FakeMember, RecordedCall } from '../../fakes/discord.ts';
import { smallStore } from '../../fixtures/knowledge-base.ts';
import { APPLICATION_ID, hubWithPartners, MEMBER_ROLE, type RunningBot, startBot } from './harness.ts';

const EPHEMERAL = 64;
const NO_PINGS = { parse: [], replied_user: false };
const STAFF: FakeMember = { userId: '1100000000000000003' };
const OTHER_STAFF: FakeMember = { userId: '1100000000000000004' };
const MEMBER: FakeMember = { userId: '1100000000000000002', roles: [MEMBER_ROLE] };

let bot: RunningBot | undefined;

afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

/** The small store with two staff members listed by their Discord user ids. */
function staffStore(): StoreInput {
  return {
    ...smallStore(),
    settings: { staff: [`discord:user:${STAFF.userId}`, `discord:user:${OTHER_STAFF.userId}`] },
  };
}

/** Hubstadt with 3000 partners: large enough that a write is slower than a zero defer threshold. */
function bigStaffStore(): StoreInput {
  return { ...hubWithPartners(3000), settings: { staff: [`discord:user:${STAFF.userId}`] } };
}

interface Button {
  type: number;
  style: number;
  label: string;
  custom_id: string;
}

function buttons(data: { components?: { components: Button[] }[] }): Record<string, Button> {
  return Object.fromEntries(
    (data.components ?? []).flatMap((row) => row.components).map((b) => [b.label, b]),
  );
}

const storeBytes = (running: RunningBot) => readFile(running.store.path);

function text(call: RecordedCall): string {
  return JSON.stringify(call.body.data?.embeds ?? call.body.embeds);
}

const taipei = (running: RunningBot) =>
  running.store.catalog.data.partnerships.find((p) => p.id === 'prague-cz--taipei-tw');

/** `/twin-staff record prague-cz taipei-tw termination 2024-03-01`, asked by `member`: the question with its buttons. */
async function askToTerminate(running: RunningBot, member: FakeMember = STAFF) {
  const { id } = running.fake.slashCommand({
    command: 'twin-staff',
    subcommand: 'record',
    options: { city: 'prague-cz', with: 'taipei-tw', milestone: 'termination', date: '2024-03-01' },
    member,
  });
  const call = await running.fake.callbackOf(id);
  expect(call.status).toBe(204);
  return call.body.data;
}

/** `/twin-staff record hub-de partnerville-0-fr termination` in the big store: the question. */
async function askToEnd(running: RunningBot) {
  const { id } = running.fake.slashCommand({
    command: 'twin-staff',
    subcommand: 'record',
    options: { city: 'hub-de', with: 'partnerville-0-fr', milestone: 'termination' },
    member: STAFF,
  });
  return (await running.fake.callbackOf(id)).body.data;
}

/** A press on one of the question's buttons; the question message as Discord would send it back. */
function press(running: RunningBot, question: { components: unknown }, button: Button, member: FakeMember) {
  return running.fake.button({
    customId: button.custom_id,
    message: { ...question, id: running.fake.id(), flags: EPHEMERAL },
    member,
  });
}

/** Presses the question's Confirm or Cancel as `member`: refused in a private reply of its own saying `message`. */
async function expectRefusedPress(
  running: RunningBot,
  question: { components: { components: Button[] }[] },
  label: 'Confirm' | 'Cancel',
  member: FakeMember,
  message: string,
): Promise<void> {
  const refused = await running.fake.callbackOf(
    press(running, question, buttons(question)[label] as Button, member).id,
  );
  expect(refused.body.type).toBe(4);
  expect(refused.body.data.flags).toBe(EPHEMERAL);
  expect(refused.body.data.allowed_mentions).toEqual(NO_PINGS);
  expect(text(refused)).toContain(message);
}

describe('Discord staff edits (real discord.js against a fake Discord)', () => {
  it('GIVEN a staff member THEN /twin-staff add with two new cities typed as "Name, CC" records the partnership and both cities', async () => {
    bot = await startBot({ data: staffStore() });
    const { id } = bot.fake.slashCommand({
      command: 'twin-staff',
      subcommand: 'add',
      options: { city: 'Skövde, SE', with: 'Zhangjiakou, CN', type: 'friendship_city', signed: '2015' },
      member: STAFF,
    });
    const call = await bot.fake.callbackOf(id);
    expect(call.status).toBe(204);
    expect(call.body.data.allowed_mentions).toEqual(NO_PINGS);
    expect(text(call)).toContain('Added the partnership Skövde');
    const data = bot.store.catalog.data;
    const skovde = data.cities.find((c) => c.name === 'Skövde' && c.country === 'SE');
    const zhangjiakou = data.cities.find((c) => c.name === 'Zhangjiakou' && c.country === 'CN');
    expect(skovde && zhangjiakou).toBeTruthy();
    const added = data.partnerships.find(
      (p) => p.cities.includes(skovde?.id ?? '') && p.cities.includes(zhangjiakou?.id ?? ''),
    );
    expect(added).toMatchObject({ type: 'friendship_city', milestones: [{ kind: 'signing', date: '2015' }] });
    expect(data.audit.at(-1)).toMatchObject({ actor: `discord:user:${STAFF.userId}`, platform: 'discord' });
  });

  it('GIVEN /twin-staff record … termination THEN an ephemeral question with Confirm (danger) and Cancel, store file unchanged', async () => {
    bot = await startBot({ data: staffStore() });
    const before = await storeBytes(bot);
    const question = await askToTerminate(bot);
    expect(question.flags).toBe(EPHEMERAL);
    expect(question.allowed_mentions).toEqual(NO_PINGS);
    expect(question.embeds[0].title).toBe('Confirm this change');
    const { Confirm, Cancel } = buttons(question);
    expect(Confirm).toMatchObject({ type: 2, style: 4 });
    expect(Cancel).toMatchObject({ type: 2, style: 2 });
    expect(Confirm?.custom_id.length).toBeLessThanOrEqual(100);
    expect(Confirm?.custom_id).not.toBe(Cancel?.custom_id);
    expect(await storeBytes(bot)).toEqual(before);
  });

  it('GIVEN /twin-staff record … termination with share:true THEN the question still goes only to the asker', async () => {
    bot = await startBot({ data: staffStore() });
    const { id } = bot.fake.slashCommand({
      command: 'twin-staff',
      subcommand: 'record',
      options: { city: 'prague-cz', with: 'taipei-tw', milestone: 'termination', share: true },
      member: STAFF,
    });
    const question = (await bot.fake.callbackOf(id)).body.data;
    expect(question.embeds[0].title).toBe('Confirm this change');
    expect(question.flags).toBe(EPHEMERAL);
  });

  it('GIVEN the asker presses Confirm THEN the termination is recorded once and the question is replaced by the result, buttons gone', async () => {
    bot = await startBot({ data: staffStore() });
    const question = await askToTerminate(bot);
    const confirm = buttons(question).Confirm as Button;

    const update = await bot.fake.callbackOf(press(bot, question, confirm, STAFF).id);
    expect(update.status).toBe(204);
    expect(update.body.type).toBe(7);
    expect(update.body.data.allowed_mentions).toEqual(NO_PINGS);
    expect(text(update)).toContain('Recorded: Prague – Taipei');
    expect(update.body.data.components).toEqual([]);
    expect(taipei(bot)?.milestones.at(-1)).toMatchObject({ kind: 'termination', date: '2024-03-01' });

    // A double click: the spent token changes nothing and does not overwrite the result shown.
    await expectRefusedPress(bot, question, 'Confirm', STAFF, 'expired');
    expect(taipei(bot)?.milestones.filter((m) => m.kind === 'termination')).toHaveLength(1);
  });

  it('GIVEN the asker presses Cancel THEN "Cancelled" in place, store file unchanged, and Confirm no longer works', async () => {
    bot = await startBot({ data: staffStore() });
    const before = await storeBytes(bot);
    const question = await askToTerminate(bot);

    const update = await bot.fake.callbackOf(
      press(bot, question, buttons(question).Cancel as Button, STAFF).id,
    );
    expect(update.body.type).toBe(7);
    expect(update.body.data.allowed_mentions).toEqual(NO_PINGS);
    expect(text(update)).toContain('Cancelled. Nothing changed.');
    expect(update.body.data.components).toEqual([]);

    await expectRefusedPress(bot, question, 'Confirm', STAFF, 'expired');
    expect(await storeBytes(bot)).toEqual(before);
  });

  it('GIVEN another staff member, or a non-staff member, presses Confirm THEN refused privately, nothing changed, and the asker can still confirm', async () => {
    bot = await startBot({ data: staffStore() });
    const before = await storeBytes(bot);
    const question = await askToTerminate(bot);
    const confirm = buttons(question).Confirm as Button;

    for (const presser of [OTHER_STAFF, MEMBER]) {
      await expectRefusedPress(
        bot,
        question,
        'Confirm',
        presser,
        'Only the person who asked for this change can confirm it.',
      );
    }
    await expectRefusedPress(
      bot,
      question,
      'Cancel',
      MEMBER,
      'Only the person who asked for this change can cancel it.',
    );
    expect(await storeBytes(bot)).toEqual(before);

    const update = await bot.fake.callbackOf(press(bot, question, confirm, STAFF).id);
    expect(update.body.type).toBe(7);
    expect(taipei(bot)?.milestones.at(-1)?.kind).toBe('termination');
  });

  it('GIVEN the asker was removed from the staff list before pressing Confirm THEN refused, nothing recorded', async () => {
    bot = await startBot({ data: staffStore() });
    const question = await askToTerminate(bot);
    const removal = bot.fake.slashCommand({
      command: 'twin-staff',
      subcommand: 'staff',
      options: { action: 'remove', who: { user: STAFF.userId } },
      member: OTHER_STAFF,
    });
    expect(text(await bot.fake.callbackOf(removal.id))).toContain('is no longer on the staff list');
    const before = await storeBytes(bot);

    await expectRefusedPress(bot, question, 'Confirm', STAFF, 'is for office staff only');
    expect(await storeBytes(bot)).toEqual(before);
  });

  it('GIVEN a staff member asks by mentioning the bot THEN the channel reply carries the buttons, and Confirm records it in place', async () => {
    bot = await startBot({ data: staffStore() });
    bot.fake.message({
      content: `<@${bot.fake.botUserId}> record prague-cz taipei-tw termination 2024-03-01`,
      member: STAFF,
    });
    const post = await bot.fake.waitFor((c) => c.method === 'POST' && c.path.endsWith('/messages'));
    expect(post.body.allowed_mentions).toEqual(NO_PINGS);
    const confirm = buttons(post.body).Confirm as Button;
    const click = bot.fake.button({
      customId: confirm.custom_id,
      message: { ...post.body, id: bot.fake.id() },
      member: STAFF,
    });
    const update = await bot.fake.callbackOf(click.id);
    expect(update.body.type).toBe(7);
    expect(update.body.data.allowed_mentions).toEqual(NO_PINGS);
    expect(text(update)).toContain('Recorded: Prague – Taipei');
    expect(taipei(bot)?.milestones.at(-1)).toMatchObject({ kind: 'termination', date: '2024-03-01' });
  });

  it('GIVEN a confirmed write slower than the defer threshold THEN the press is deferred (type 6), then the question edited into the result', async () => {
    bot = await startBot({ data: bigStaffStore(), deferAfterMs: 0 });
    const question = await askToEnd(bot);
    const click = press(bot, question, buttons(question).Confirm as Button, STAFF);
    expect((await bot.fake.callbackOf(click.id)).body).toEqual({ type: 6 });
    const edit = await bot.fake.waitFor(
      (c) => c.method === 'PATCH' && c.path.endsWith(`/${click.token}/messages/@original`),
    );
    expect(edit.status).toBe(200);
    expect(edit.body.allowed_mentions).toEqual(NO_PINGS);
    expect(JSON.stringify(edit.body.embeds)).toContain('Recorded: Hubstadt – Partnerville 0');
    expect(edit.body.components).toEqual([]);
    expect(bot.store.catalog.data.partnerships[0]?.milestones.at(-1)?.kind).toBe('termination');
  });

  it('GIVEN the same change asked twice and both confirmed at once (deferred) THEN recorded once; the second press gets a private follow-up and its question is left', async () => {
    bot = await startBot({ data: bigStaffStore(), deferAfterMs: 0 });
    const first = await askToEnd(bot);
    const second = await askToEnd(bot);
    const one = press(bot, first, buttons(first).Confirm as Button, STAFF);
    const two = press(bot, second, buttons(second).Confirm as Button, STAFF);
    expect((await bot.fake.callbackOf(one.id)).body).toEqual({ type: 6 });
    expect((await bot.fake.callbackOf(two.id)).body).toEqual({ type: 6 });
    const edit = await bot.fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(one.token));
    expect(JSON.stringify(edit.body.embeds)).toContain('Recorded: Hubstadt – Partnerville 0');
    const followUp = await bot.fake.waitFor(
      (c) => c.method === 'POST' && c.path === `/webhooks/${APPLICATION_ID}/${two.token}`,
    );
    expect(followUp.body.flags).toBe(EPHEMERAL);
    expect(followUp.body.allowed_mentions).toEqual(NO_PINGS);
    expect(JSON.stringify(followUp.body.embeds)).toContain('already recorded');
    expect(bot.fake.calls.filter((c) => c.method === 'PATCH' && c.path.includes(two.token))).toEqual([]);
    const milestones = bot.store.catalog.data.partnerships[0]?.milestones ?? [];
    expect(milestones.filter((m) => m.kind === 'termination')).toHaveLength(1);
  });

  it('GIVEN an add THEN /twin-staff undo takes it back: partnership and the new cities gone', async () => {
    bot = await startBot({ data: staffStore() });
    const add = bot.fake.slashCommand({
      command: 'twin-staff',
      subcommand: 'add',
      options: { city: 'Skövde, SE', with: 'Zhangjiakou, CN' },
      member: STAFF,
    });
    await bot.fake.callbackOf(add.id);
    const cities = bot.store.catalog.data.cities.length;
    const partnerships = bot.store.catalog.data.partnerships.length;

    const { id } = bot.fake.slashCommand({ command: 'twin-staff', subcommand: 'undo', member: STAFF });
    const call = await bot.fake.callbackOf(id);
    expect(call.body.data.allowed_mentions).toEqual(NO_PINGS);
    expect(text(call)).toContain('Undone: Added the partnership Skövde');
    const data = bot.store.catalog.data;
    expect(data.cities).toHaveLength(cities - 2);
    expect(data.partnerships).toHaveLength(partnerships - 1);
    expect(data.cities.some((c) => c.name === 'Skövde' || c.name === 'Zhangjiakou')).toBe(false);
  });

  it.each([
    ['a role', { role: MEMBER_ROLE }, `discord:role:${MEMBER_ROLE}`],
    ['a member', { user: '1100000000000000009' }, 'discord:user:1100000000000000009'],
  ])(
    'GIVEN /twin-staff staff add with %s picked in the Mentionable option THEN its id is on the staff list',
    async (_, who, staffId) => {
      bot = await startBot({ data: staffStore() });
      const { id } = bot.fake.slashCommand({
        command: 'twin-staff',
        subcommand: 'staff',
        options: { action: 'add', who },
        member: STAFF,
      });
      const call = await bot.fake.callbackOf(id);
      expect(call.body.data.allowed_mentions).toEqual(NO_PINGS);
      expect(text(call)).toContain(`${staffId} is now on the staff list`);
      expect(bot.store.catalog.data.settings.staff).toContain(staffId);
    },
  );

  it('GIVEN a member who is not staff THEN /twin-staff add is refused privately and the store file is unchanged', async () => {
    bot = await startBot({ data: staffStore() });
    const before = await storeBytes(bot);
    const { id } = bot.fake.slashCommand({
      command: 'twin-staff',
      subcommand: 'add',
      options: { city: 'Skövde, SE', with: 'Zhangjiakou, CN', share: true },
      member: MEMBER,
    });
    const call = await bot.fake.callbackOf(id);
    expect(call.body.data.flags).toBe(EPHEMERAL);
    expect(call.body.data.allowed_mentions).toEqual(NO_PINGS);
    expect(text(call)).toContain('is for office staff only');
    expect(await storeBytes(bot)).toEqual(before);
  });
});
