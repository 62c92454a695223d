import { describe, it } from 'vitest';
import { ended, endedBy } from './invocations.ts';
import { onShippedData } from './question-reader.ts';

/**
 * Issue 16: "did they break up?" asks whether the tie ended, by either side; "did Prague break up
 * with Shanghai?" asks whether Prague did. A "No" to the first because Shanghai, not Prague, ended it
 * would say the wrong thing. Sentences written for these tests, on the shipped seed and world layer.
 */

const { expectRun } = onShippedData();

describe('an ending asked of the pair', () => {
  it.each([
    ['Did Prague and Shanghai break up?', ended('prague-cz', 'shanghai-cn')],
    ['Is the Prague-Shanghai partnership over?', ended('prague-cz', 'shanghai-cn')],
    ["Is Osaka's twinning with San Francisco over?", ended('osaka-jp', 'san-francisco-us')],
    ['Haben Prag und Shanghai Schluss gemacht?', ended('prague-cz', 'shanghai-cn')],
    ['Le jumelage de Prague avec Shanghai est-il terminé ?', ended('prague-cz', 'shanghai-cn')],
    ['¿Se terminó el hermanamiento entre Praga y Shanghái?', ended('prague-cz', 'shanghai-cn')],
    ['Ukončily Praha a Šanghaj partnerství?', ended('prague-cz', 'shanghai-cn')],
    ['プラハと上海は提携を解消したの？', ended('prague-cz', 'shanghai-cn')],
    ['布拉格和上海断交了吗？', ended('prague-cz', 'shanghai-cn')],
  ])('GIVEN "%s" THEN whether it ended is asked, by either side', (text, expected) =>
    expectRun(text, expected),
  );
});

describe('an ending asked of one city', () => {
  it.each([
    ['Did Prague break up with Shanghai?', endedBy('prague-cz', 'shanghai-cn')],
    ['Hat Prag mit Shanghai Schluss gemacht?', endedBy('prague-cz', 'shanghai-cn')],
    ['Prague a-t-elle rompu avec Shanghai ?', endedBy('prague-cz', 'shanghai-cn')],
    ['¿Rompió Praga con Shanghái?', endedBy('prague-cz', 'shanghai-cn')],
    ['Ukončila Praha partnerství se Šanghají?', endedBy('prague-cz', 'shanghai-cn')],
    ['プラハが上海との提携を解消したの？', endedBy('prague-cz', 'shanghai-cn')],
    ['布拉格终止了和上海的关系吗？', endedBy('prague-cz', 'shanghai-cn')],
  ])('GIVEN "%s" THEN whether the first city ended it is asked', (text, expected) =>
    expectRun(text, expected),
  );
});
