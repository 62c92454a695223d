import { describe, expect, it } from 'vitest';
import { agreement, ended, endedBy, partners, stillActive } from './invocations.ts';
import { onQuestionStore } from './question-reader.ts';

/**
 * Issue 16: no yes or no given with confidence that could say the wrong thing. Sentences written for
 * these tests (not taken from the corpus): negated questions ("are they no longer partners?", where
 * "Yes: in force" means the opposite), "ever", a status asked for another day than today, a choice
 * between two states, and German greetings that are no city.
 */

const { read, expectRun } = onQuestionStore();

describe('a negated yes/no question is never answered yes or no', () => {
  it.each([
    ['Are Prague and Shanghai no longer partners?', 'prague-cz', 'shanghai-cn'],
    ["Aren't Prague and Taipei twinned anymore?", 'prague-cz', 'taipei-tw'],
    ['Prague and Shanghai not partners anymore?', 'prague-cz', 'shanghai-cn'],
    ['Is Prague not twinned with Shanghai any more?', 'prague-cz', 'shanghai-cn'],
    ["Est-ce que Prague n'est plus jumelée avec Shanghai ?", 'prague-cz', 'shanghai-cn'],
    ['¿Praga y Shanghái ya no son ciudades hermanas?', 'prague-cz', 'shanghai-cn'],
    ['¿Ya no están hermanadas Praga y Shanghái?', 'prague-cz', 'shanghai-cn'],
    ['Ist Prag nicht mehr mit Shanghai verpartnert?', 'prague-cz', 'shanghai-cn'],
    ['Sind Prag und Taipeh keine Partnerstädte mehr?', 'prague-cz', 'taipei-tw'],
    ['sind prag und shanghai nicht mehr partner', 'prague-cz', 'shanghai-cn'],
  ])('GIVEN "%s" THEN the yes/no question and the agreement are offered, none answered', (text, a, b) => {
    const reading = read(text);
    expect(reading.sure).toBe(false);
    expect(reading.sure ? [] : reading.closest).toEqual([stillActive(a, b), agreement(a, b)]);
  });

  it.each([
    ['Are Prague and Taipei still partners or not?', stillActive('prague-cz', 'taipei-tw')],
    ['Sind Prag und Taipeh noch Partner oder nicht?', stillActive('prague-cz', 'taipei-tw')],
    ['¿Siguen hermanadas Praga y Taipéi o no?', stillActive('prague-cz', 'taipei-tw')],
    ['Jsou Praha a Taipei pořád partnery, nebo ne?', stillActive('prague-cz', 'taipei-tw')],
    ['Shanghai a-t-elle mis fin au jumelage avec Prague ?', endedBy('shanghai-cn', 'prague-cz')],
    [
      'Can you tell me whether or not Prague and Taipei are still partners?',
      stillActive('prague-cz', 'taipei-tw'),
    ],
  ])('GIVEN "%s" (a tag or a "t" that negates nothing) THEN it is answered', (text, expected) =>
    expectRun(text, expected),
  );
});

describe('"ever" and the past ask whether a tie was made, which its history answers', () => {
  it.each([
    ['Were Prague and Shanghai ever sister cities?', agreement('prague-cz', 'shanghai-cn')],
    ['Have Paderborn and Le Mans ever been twinned?', agreement('paderborn-de', 'le-mans-fr')],
    ['Waren Prag und Shanghai jemals Partnerstädte?', agreement('prague-cz', 'shanghai-cn')],
    ['Waren Prag und Shanghai schon mal Partner?', agreement('prague-cz', 'shanghai-cn')],
    ['Prague et Shanghai ont-elles déjà été jumelées ?', agreement('prague-cz', 'shanghai-cn')],
    ['¿Alguna vez fueron hermanas Praga y Shanghái?', agreement('prague-cz', 'shanghai-cn')],
    ['Byly někdy Praha a Shanghai partnerská města?', agreement('prague-cz', 'shanghai-cn')],
    ['Were Prague and Shanghai partners?', agreement('prague-cz', 'shanghai-cn')],
    ['Waren Prag und Shanghai Partnerstädte?', agreement('prague-cz', 'shanghai-cn')],
    ['Byla Praha partnerem Shanghaie?', agreement('prague-cz', 'shanghai-cn')],
    ['Was it Shanghai that ended it with Prague?', endedBy('shanghai-cn', 'prague-cz')],
    // Asked in the past, negated or not, the history answers without a yes or no to misread.
    ['Waren Prag und Shanghai nie Partnerstädte?', agreement('prague-cz', 'shanghai-cn')],
  ])('GIVEN "%s" THEN the agreement answers, with no yes or no', (text, expected) =>
    expectRun(text, expected),
  );
});

describe('a status asked for another day than today is offered, not answered', () => {
  it.each([
    ['Will Prague and Taipei still be partners next year?', 'prague-cz', 'taipei-tw'],
    ['Sind Prag und Taipeh nächstes Jahr noch Partner?', 'prague-cz', 'taipei-tw'],
  ])('GIVEN "%s" THEN nothing is answered with yes or no', (text, a, b) => {
    const reading = read(text);
    expect(reading.sure).toBe(false);
    expect(reading.sure ? [] : reading.closest).toContainEqual(stillActive(a, b));
  });
});

describe('a choice between two states asks which holds', () => {
  it.each([
    ['Is the Prague Shanghai partnership active or ended?', stillActive('prague-cz', 'shanghai-cn')],
    [
      'Ist die Partnerschaft zwischen Prag und Shanghai noch aktiv oder beendet?',
      stillActive('prague-cz', 'shanghai-cn'),
    ],
    ['Je partnerství Praha Shanghai platné nebo ukončené?', stillActive('prague-cz', 'shanghai-cn')],
    ['Ist die Partnerschaft zwischen Prag und Shanghai beendet?', ended('prague-cz', 'shanghai-cn')],
  ])('GIVEN "%s" THEN it is read as meant', (text, expected) => expectRun(text, expected));
});

describe('German greetings are no city', () => {
  it.each([
    ['Moin! Sind Prag und Taipeh noch Partner?', stillActive('prague-cz', 'taipei-tw')],
    ['Grüß Gott, ist Klagenfurt noch mit Rzeszów verpartnert?', stillActive('klagenfurt-at', 'rzeszow-pl')],
    ['Hoi zäme, wer sind die Partnerstädte von Prag?', partners('prague-cz')],
    ['Servus, welche Partnerstädte hat Prag?', partners('prague-cz')],
  ])('GIVEN "%s" THEN the greeting is skipped', (text, expected) => expectRun(text, expected));
});
