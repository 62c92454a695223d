import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { Caller } from '../../src/core/caller.ts';
import { defineCommand } from '../../src/core/command.ts';
import { Dispatcher, type HandledRequest } from '../../src/core/dispatcher.ts';
import { answer } from '../../src/core/reply.ts';
import { renderPlain } from '../../src/render/plain.ts';
import { Store } from '../../src/store/store.ts';
import { capturedLog, LEVEL } from '../fixtures/captured-log.ts';
import { answerText, editingDispatcher } from '../fixtures/edit-dispatcher.ts';
import { operator, smallStore, storeFrom } from '../fixtures/knowledge-base.ts';

/** A staff-only command that writes, to prove the dispatcher's check runs before any handler. */
const setHome = defineCommand({
  name: 'sethome',
  args: [{ name: 'city', kind: 'city', required: true }],
  examples: ['sethome Prague'],
  permission: 'staff',
  handler: async ({ store, caller }, { city }) => {
    await store.update((draft) => {
      draft.settings.homeCity = city.id;
      return {
        result: undefined,
        audit: { actor: caller.userId, platform: caller.platform, action: 'home' },
      };
    });
    return answer({ text: `Home is ${city.name}` });
  },
});

async function withStaffCommand() {
  const store = await storeFrom();
  return { store, dispatcher: new Dispatcher({ store, commands: [...commands, setHome] }) };
}

const slackUser = (userId: string): Caller => ({ platform: 'slack', userId });
const discordMember = (userId: string, roleIds: string[]): Caller => ({
  platform: 'discord',
  userId,
  roleIds,
});

describe('Dispatcher permissions', () => {
  it('GIVEN a Slack user not on the staff list THEN a staff command is refused and nothing changes', async () => {
    const { store, dispatcher } = await withStaffCommand();
    const reply = await dispatcher.answerText('sethome Prague', slackUser('USTRANGER'));
    expect(reply.kind).toBe('error');
    expect(renderPlain(reply)).toContain('for office staff only');
    expect(store.catalog.data.settings.homeCity).toBeUndefined();
  });

  it('GIVEN a refused staff command THEN the refusal is logged with who asked, and not audited', async () => {
    const store = await storeFrom();
    const captured = capturedLog();
    const dispatcher = new Dispatcher({ store, commands, log: captured.log });
    await dispatcher.answerText('home Prague', slackUser('USTRANGER'));
    expect(captured.records()).toMatchObject([
      {
        level: LEVEL.warn,
        msg: 'refused `home` to slack:USTRANGER on slack: not on the staff list',
        command: 'home',
        user: 'slack:USTRANGER',
      },
    ]);
    expect(store.catalog.data.audit).toEqual([]);
  });

  it('GIVEN a non-staff user typing a staff command without its arguments THEN refused, not told what it needs', async () => {
    const store = await storeFrom();
    const dispatcher = new Dispatcher({ store, commands });
    const reply = await dispatcher.answerText('record', slackUser('USTRANGER'));
    expect(renderPlain(reply)).toContain('`record` is for office staff only');
  });

  it('GIVEN a Cancel pressed for a change no longer waiting THEN says so, rather than claiming a cancellation', async () => {
    const store = await storeFrom();
    const dispatcher = new Dispatcher({ store, commands });
    const asked = await dispatcher.answerText('remove prague taipei', operator);
    const token = asked.confirm?.token ?? '';
    expect(renderPlain(await dispatcher.confirm(token, operator))).toContain('Removed the partnership');
    const late = dispatcher.cancel(token, operator);
    expect(late.kind).toBe('error');
    expect(renderPlain(late)).toContain('This change is no longer waiting');
  });

  it('GIVEN a Slack user on the staff list THEN the staff command runs', async () => {
    const { store, dispatcher } = await withStaffCommand();
    const reply = await dispatcher.answerText('sethome Prague', slackUser('UOFFICE'));
    expect(renderPlain(reply)).toBe('Home is Prague');
    expect(store.catalog.data.settings.homeCity).toBe('prague-cz');
  });

  it('GIVEN a Discord member holding a staff role THEN the staff command runs; without it, refused', async () => {
    const { store, dispatcher } = await withStaffCommand();
    await store.update((draft) => {
      draft.settings.staff.push('discord:role:456');
      return { result: undefined };
    });
    expect((await dispatcher.answerText('sethome Prague', discordMember('1', ['999']))).kind).toBe('error');
    expect((await dispatcher.answerText('sethome Prague', discordMember('1', ['999', '456']))).kind).toBe(
      'answer',
    );
  });

  it('GIVEN the local shell operator THEN staff commands run without a staff entry', async () => {
    const { dispatcher } = await withStaffCommand();
    expect((await dispatcher.answerText('sethome Prague', operator)).kind).toBe('answer');
  });

  it('GIVEN a non-staff caller THEN everyone-commands still answer', async () => {
    const { dispatcher } = await withStaffCommand();
    expect((await dispatcher.answerText('city Prague', slackUser('UANY'))).kind).toBe('answer');
  });
});

describe('Dispatcher arguments', () => {
  it('GIVEN an unknown city THEN answers "no city named" with close matches and runs no handler', async () => {
    const { dispatcher } = await withStaffCommand();
    const text = renderPlain(await dispatcher.answerText('partners Shangai', operator));
    expect(text).toContain('No city named "Shangai"');
    expect(text).toContain('Shanghai, China');
  });

  it('GIVEN an ambiguous city THEN lists the candidates with region and country', async () => {
    const { dispatcher } = await withStaffCommand();
    const reply = await dispatcher.answerText('city concord', operator);
    const text = renderPlain(reply);
    expect(reply.kind).toBe('error');
    expect(text).toContain('Concord, California, United States');
    expect(text).toContain('Concord, Massachusetts, United States');
  });

  it('GIVEN an unknown command THEN answers with help', async () => {
    // The registry only: help lists every command it is given, and the probe above has no words in the catalogs.
    const dispatcher = new Dispatcher({ store: await storeFrom(), commands });
    const text = renderPlain(await dispatcher.answerText('frobnicate', operator));
    expect(text).toContain('I don\'t know the command "frobnicate"');
    expect(text).toContain('agreement <city> <with>');
  });

  it('GIVEN an invocation with a city id (as platforms send) THEN resolves it directly', async () => {
    const { dispatcher } = await withStaffCommand();
    const reply = await dispatcher.run(
      { command: 'agreement', args: { city: 'osaka-jp', with: 'san-francisco-us' } },
      operator,
    );
    expect(renderPlain(reply)).toContain('disputed');
  });
});

describe('Dispatcher: staff edits', () => {
  /** Every command that changes the store, in a form that would succeed for staff. */
  const WRITES = [
    'add Skövde, SE / Zhangjiakou, CN friendship_city signed 2015',
    'add Prague / Kitakami',
    'record prague taipei renewal 2024',
    'record prague taipei termination 2024 by taipei --yes',
    'remove prague shanghai --yes',
    'alias prague Praga pl',
    'city set kitakami tz Asia/Tokyo',
    'home Prague',
    'staff add slack:U0ANA',
    'staff remove slack:UTWO',
    'undo',
    'remind here',
  ];
  const outsiders: Caller[] = [
    slackUser('UNOBODY'),
    discordMember('99', ['1']),
    { platform: 'discord', userId: '99' },
  ];

  it('GIVEN a caller not on the staff list THEN every write command is refused, the file is byte for byte the same and nothing is audited', async () => {
    const { ask, fileText, store, logged } = await editingDispatcher();
    answerText(await ask('alias preston Proud Preston'));
    const before = await fileText();
    for (const caller of outsiders) {
      for (const line of WRITES) {
        const reply = await ask(line, caller);
        expect(reply.kind, `${line} by ${caller.platform}:${caller.userId}`).toBe('error');
        expect(renderPlain(reply)).toContain('is for office staff only');
        expect(reply.confirm).toBeUndefined();
      }
    }
    expect(await fileText()).toBe(before);
    expect(store.catalog.data.audit).toHaveLength(1);
    expect(logged()).toHaveLength(WRITES.length * outsiders.length);
  });

  it('GIVEN a staff member THEN the same write commands are not refused for permission', async () => {
    const { ask } = await editingDispatcher({
      ...smallStore(),
      settings: { staff: ['slack:UOFFICE', 'slack:UTWO'] },
    });
    for (const line of WRITES) {
      expect(renderPlain(await ask(line, slackUser('UOFFICE'))), line).not.toContain('for office staff only');
    }
  });

  it('GIVEN a confirmation token pressed by someone not on the staff list THEN refused, nothing changes', async () => {
    const { ask, dispatcher, fileText } = await editingDispatcher();
    const token = (await ask('remove prague shanghai')).confirm?.token;
    if (!token) throw new Error('no confirmation asked');
    const before = await fileText();
    expect((await dispatcher.confirm(token, slackUser('UNOBODY'))).kind).toBe('error');
    expect(await fileText()).toBe(before);
  });

  it('GIVEN the asker taken off the staff list before pressing Confirm THEN refused for staff only, nothing changes', async () => {
    const { ask, dispatcher, fileText } = await editingDispatcher({
      ...smallStore(),
      settings: { staff: ['slack:UOFFICE', 'slack:UTWO'] },
    });
    const token = (await ask('remove prague shanghai', slackUser('UOFFICE'))).confirm?.token;
    if (!token) throw new Error('no confirmation asked');
    renderPlain(await ask('staff remove slack:UOFFICE', slackUser('UTWO')));
    const before = await fileText();
    expect(renderPlain(await dispatcher.confirm(token, slackUser('UOFFICE')))).toContain(
      'for office staff only',
    );
    expect(await fileText()).toBe(before);
  });

  it('GIVEN 20 writes at once from Slack and the shell THEN all 20 are kept, each with its audit entry, in the file', async () => {
    const { dispatcher, store } = await editingDispatcher();
    const lines = [
      ...Array.from({ length: 10 }, (_, i) => ({
        text: `add Town${i}, SE / Prague twin`,
        caller: slackUser('UOFFICE'),
      })),
      ...Array.from({ length: 10 }, (_, i) => ({ text: `alias kitakami Kita${i}`, caller: operator })),
    ];
    const replies = await Promise.all(lines.map(({ text, caller }) => dispatcher.answerText(text, caller)));
    expect(replies.map((r) => r.kind)).toEqual(Array(20).fill('answer'));
    const reopened = await Store.open(store.path);
    const data = reopened.catalog.data;
    for (let i = 0; i < 10; i += 1) {
      expect(reopened.catalog.partnershipBetween('prague-cz', `town${i}-se`), `Town${i}`).toBeDefined();
    }
    expect(
      data.cities
        .find((c) => c.id === 'kitakami-jp')
        ?.names.map((n) => n.name)
        .sort(),
    ).toEqual(['北上市', ...Array.from({ length: 10 }, (_, i) => `Kita${i}`)].sort());
    expect(data.audit).toHaveLength(20);
    expect(data.audit.filter((e) => e.actor === 'slack:UOFFICE' && e.platform === 'slack')).toHaveLength(10);
    expect(data.audit.filter((e) => e.actor === 'shell:tester' && e.platform === 'shell')).toHaveLength(10);
  });
});

describe('Dispatcher request observer', () => {
  it('GIVEN requests that end each way THEN each is reported once, with platform, command and outcome', async () => {
    const store = await storeFrom();
    const seen: HandledRequest[] = [];
    const dispatcher = new Dispatcher({ store, commands, onRequest: (request) => seen.push(request) });
    await dispatcher.answerText('partners Prague', slackUser('UANY'));
    await dispatcher.answerText('partners Atlantis', discordMember('7', []));
    await dispatcher.answerText('home Prague', slackUser('USTRANGER'));
    await dispatcher.answerText('flibbertigibbet', slackUser('UANY'));
    await dispatcher.run({ command: 'city', args: { city: 'Prague' } }, discordMember('7', []));
    dispatcher.cancel('no-such-token', slackUser('UANY'));
    expect(seen.map(({ platform, command, outcome }) => [platform, command, outcome])).toEqual([
      ['slack', 'partners', 'answered'],
      ['discord', 'partners', 'problem'],
      ['slack', 'home', 'refused'],
      ['slack', 'none', 'not-understood'],
      ['discord', 'city', 'answered'],
      ['slack', 'cancel', 'problem'],
    ]);
    expect(seen[0]?.text).toBe('partners Prague');
    for (const request of seen) expect(request.ms).toBeGreaterThanOrEqual(0);
  });

  it('GIVEN a handler that throws THEN the request is reported as an error and the error still reaches the adapter', async () => {
    const store = await storeFrom();
    const seen: HandledRequest[] = [];
    const broken = defineCommand({
      name: 'broken',
      args: [],
      examples: ['broken'],
      permission: 'everyone',
      handler: async () => {
        throw new Error('a bug');
      },
    });
    const dispatcher = new Dispatcher({ store, commands: [broken], onRequest: (r) => seen.push(r) });
    await expect(dispatcher.answerText('broken', operator)).rejects.toThrow('a bug');
    expect(seen).toMatchObject([{ platform: 'shell', command: 'broken', outcome: 'error' }]);
  });
});
