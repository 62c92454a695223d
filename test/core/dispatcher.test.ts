import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { Caller } from '../../src/core/caller.ts';
import { defineCommand } from '../../src/core/command.ts';
import { Dispatcher } from '../../src/core/dispatcher.ts';
import { answer } from '../../src/core/reply.ts';
import { renderPlain } from '../../src/render/plain.ts';
import { operator, storeFrom } from '../fixtures/knowledge-base.ts';

/** A staff-only command that writes, to prove the dispatcher's check runs before any handler. */
const setHome = defineCommand({
  name: 'sethome',
  summary: 'Set the home city',
  args: [{ name: 'city', kind: 'city', description: 'a city', required: true }],
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
    const logged: string[] = [];
    const dispatcher = new Dispatcher({ store, commands, log: (line) => logged.push(line) });
    await dispatcher.answerText('home Prague', slackUser('USTRANGER'));
    expect(logged).toEqual(['refused `home` to slack:USTRANGER on slack: not on the staff list']);
    expect(store.catalog.data.audit).toEqual([]);
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
    const { dispatcher } = await withStaffCommand();
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
