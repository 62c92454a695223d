import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { Caller } from '../../src/core/caller.ts';
import { Dispatcher } from '../../src/core/dispatcher.ts';
import { renderPlain } from '../../src/render/plain.ts';
import { storeFrom } from '../fixtures/knowledge-base.ts';
import { questionStore } from './question/question-store.ts';

/** Issue 16: a command word opening a question, read the way it was meant. */
async function dispatcher() {
  const store = await storeFrom(questionStore());
  return new Dispatcher({ store, commands });
}

const stranger: Caller = { platform: 'slack', userId: 'USTRANGER' };

describe('Dispatcher: command words that open a question', () => {
  it('GIVEN "partners in PL" THEN the home city\'s partners in Poland, not a city named "in PL"', async () => {
    const read = (await dispatcher()).read('partners in PL');
    expect(read).toEqual({ kind: 'run', invocation: { command: 'partners', args: { country: 'PL' } } });
  });

  it('GIVEN "partners in Salah" THEN "in" stays part of a name when no country follows', async () => {
    const read = (await dispatcher()).read('partners In Salah');
    expect(read).toMatchObject({ kind: 'run', invocation: { command: 'partners' } });
    expect(read.kind === 'run' && read.invocation.args.country).toBeUndefined();
  });

  it('GIVEN "anniversaries in the next 30 days" THEN the period, and "in the" is no city', async () => {
    const read = (await dispatcher()).read('anniversaries in the next 30 days');
    expect(read).toEqual({
      kind: 'run',
      invocation: { command: 'anniversaries', args: { window: 'next 30 days' } },
    });
  });

  it('GIVEN "anniversaries in March" THEN the next March, and "in" is no city left waiting for a second', async () => {
    const read = (await dispatcher()).read('anniversaries in March');
    expect(read).toMatchObject({
      kind: 'run',
      invocation: { command: 'anniversaries', args: { window: 'march' } },
    });
  });

  it('GIVEN "anniversaries someday" THEN it still runs as typed, to say which periods it reads', async () => {
    const read = (await dispatcher()).read('anniversaries someday');
    expect(read).toEqual({
      kind: 'run',
      invocation: { command: 'anniversaries', args: { window: 'someday' } },
    });
  });

  it('GIVEN someone not on the staff asks "history of the Le Mans - Paderborn partnership" THEN the agreement answers, not a refusal', async () => {
    const d = await dispatcher();
    expect(d.read('history of the Le Mans - Paderborn partnership')).toMatchObject({
      kind: 'run',
      invocation: { command: 'agreement', args: { city: 'le-mans-fr', with: 'paderborn-de' } },
    });
    const reply = await d.answerText('history of the Le Mans - Paderborn partnership', stranger);
    expect(reply.kind).not.toBe('error');
    expect(renderPlain(reply)).toContain('Paderborn');
  });
});

describe('Dispatcher: "search for" is a search for what follows', () => {
  it('GIVEN "search for kita" THEN the search is for "kita"', async () => {
    expect((await dispatcher()).read('search for kita')).toEqual({
      kind: 'run',
      invocation: { command: 'search', args: { text: 'kita' } },
    });
  });
});
