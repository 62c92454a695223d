import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { parseCommandText } from '../../../src/core/parse-command.ts';
import { parseQuestion } from '../../../src/core/question/parse-question.ts';
import { renderPlain } from '../../../src/render/plain.ts';
import { dispatcherFor, operator } from '../../fixtures/knowledge-base.ts';
import { questionStore } from './question-store.ts';

async function ask(text: string, home?: string) {
  const { dispatcher, store } = await dispatcherFor(questionStore(home));
  const reply = await dispatcher.answerText(text, operator);
  return { reply, plain: renderPlain(reply), catalog: store.catalog };
}

describe('questions that must not be misread', () => {
  it('GIVEN cities named like words THEN they are read as cities, not as cue words', async () => {
    const { catalog } = await dispatcherFor(questionStore()).then((d) => ({ catalog: d.store.catalog }));
    const read = (text: string) => {
      const reading = parseQuestion(text, catalog, commands);
      return reading.sure ? reading.invocation : reading;
    };
    expect(read('is Concord twinned with Kitakami?')).toEqual({
      command: 'agreement',
      args: { city: 'concord-california-us', with: 'kitakami-jp' },
      asks: 'in-force',
    });
    expect(read('partners of Mobile')).toEqual({ command: 'partners', args: { city: 'mobile-us' } });
    expect(read('Reading partner cities')).toEqual({ command: 'partners', args: { city: 'reading-gb' } });
    expect(read('where is Split')).toEqual({ command: 'city', args: { city: 'split-hr' } });
    expect(read('tell me about Nice')).toEqual({ command: 'city', args: { city: 'nice-fr' } });
    expect(read('Bath twin towns')).toEqual({ command: 'partners', args: { city: 'bath-gb' } });
  });

  it('GIVEN Concord alone, with two Concords in the store THEN the answer lists both, never a guess', async () => {
    const { reply, plain } = await ask('tell me about Concord');
    expect(reply.kind).toBe('error');
    expect(plain).toContain('could be 2 cities');
  });

  it('GIVEN two cities in one question THEN the agreement between exactly those two is answered', async () => {
    const { reply } = await ask('when did Taipei and Prague sign?');
    expect(reply.title).toBe('Taipei – Prague');
  });

  it('GIVEN three cities THEN it is not sure and offers the closest command instead of answering', async () => {
    const { reply, plain } = await ask('is Prague twinned with Shanghai or Taipei?');
    expect(reply.kind).toBe('error');
    expect(reply.suggestions).toEqual(['agreement Prague Shanghai']);
    expect(plain).toContain('Did you mean: `agreement Prague Shanghai`?');
  });

  it('GIVEN a city not in the store THEN what was understood and a search for the name, not an answer about another city', async () => {
    const { reply, plain } = await ask('who are the sister cities of Pragu Heights?');
    expect(reply.kind).toBe('error');
    expect(plain).toContain('"Pragu Heights"');
    expect(plain).toContain('`search Pragu Heights`');
    expect(reply.title).toBeUndefined();
    const atlantis = await ask('tell me about Atlantis');
    expect(renderPlain(atlantis.reply)).toContain('`search Atlantis`');
  });

  it('GIVEN a partner that is not a partner THEN "No:" and no answer about another pair', async () => {
    const { plain } = await ask('is Prague still twinned with Osaka?');
    expect(plain).toMatch(/^No: no partnership between Prague – Osaka is recorded\./);
  });

  it('GIVEN words it does not know THEN it says what it understood and offers the closest command, answering nothing', async () => {
    const { reply, plain } = await ask('who are the partners of Prague before the mayor left?');
    expect(reply.kind).toBe('error');
    expect(plain).toContain('I understood the city Prague');
    expect(reply.suggestions).toEqual(['partners Prague']);
  });

  it('GIVEN "our" with no home city set THEN it says so instead of picking a city', async () => {
    const { reply, plain } = await ask('is our tie with Shanghai still active?', '');
    expect(reply.kind).toBe('error');
    expect(plain).toContain('none is set here yet');
  });
});

describe('yes/no questions start with the answer', () => {
  it('GIVEN "is Prague still twinned with Shanghai?" THEN "No: Shanghai ended the partnership on 14 January 2020." comes first', async () => {
    const { reply, plain } = await ask('is Prague still twinned with Shanghai?');
    expect(reply.title).toBe('Prague – Shanghai');
    expect(plain.split('\n').find((l) => l.startsWith('No:'))).toBe(
      'No: Shanghai ended the partnership on 14 January 2020.',
    );
  });

  it('GIVEN "is our tie with Taipei still active?" with Prague at home THEN "Yes: active since 13 January 2020."', async () => {
    const { plain } = await ask('is our tie with Taipei still active?');
    expect(plain).toContain('Yes: active since 13 January 2020.');
  });

  it('GIVEN the Osaka – San Francisco tie THEN "Disputed:" with who ended it and who objects', async () => {
    const { plain } = await ask('is Osaka still twinned with San Francisco?');
    expect(plain).toContain(
      'Disputed: Osaka ended the partnership on 2 October 2018; San Francisco does not accept that.',
    );
  });

  it('GIVEN a question that is not yes/no, or the command itself THEN no lead line is added', async () => {
    expect((await ask('who ended the Prague-Shanghai partnership?')).reply.text).toBeUndefined();
    expect((await ask('agreement Prague Shanghai')).reply.text).toBeUndefined();
  });
});

describe('exact commands keep working', () => {
  it('GIVEN every command example THEN it is answered exactly as the command grammar reads it', async () => {
    const { dispatcher, store } = await dispatcherFor(questionStore());
    for (const command of commands.filter((c) => c.permission === 'everyone')) {
      for (const example of command.examples) {
        const parsed = parseCommandText(example, commands, store.catalog);
        if (!parsed.ok) throw new Error(`example "${example}" does not parse`);
        expect(await dispatcher.answerText(example, operator), example).toEqual(
          await dispatcher.run(parsed.invocation, operator),
        );
      }
    }
  });

  it('GIVEN a command with a question mark THEN the question reading answers it ("anniversaries this month?")', async () => {
    const { reply } = await ask('anniversaries this month?');
    expect(reply.title).toBe('Anniversaries in November 2026');
  });

  it('GIVEN a command word opening a question ("partners of Prague") THEN the question is answered, not "no city named of Prague"', async () => {
    const { plain } = await ask('partners of Prague');
    expect(plain).toMatch(/^Partner cities of Prague\n/);
    const typo = await ask('partners Shangai');
    expect(typo.plain).toContain('No city named "Shangai"');
  });

  it('GIVEN a word that is neither a command nor a question THEN the help, as before', async () => {
    const { reply } = await ask('frobnicate');
    expect(reply.text).toBe('I don\'t know the command "frobnicate".');
  });
});
