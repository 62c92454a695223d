import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import type { Invocation } from '../../../src/core/parse-command.ts';
import { soundAlike } from '../../../src/core/question/homophones.ts';
import { parseQuestion } from '../../../src/core/question/parse-question.ts';
import type { City } from '../../../src/domain/city.ts';
import { Catalog } from '../../../src/store/catalog.ts';
import { StoreSchema } from '../../../src/store/schema.ts';
import { World } from '../../../src/store/world/world.ts';
import { WorldFileSchema } from '../../../src/store/world-schema.ts';
import { shippedStore } from '../../fixtures/questions/corpus.ts';
import { agreement, partners, stillActive } from './invocations.ts';

/**
 * Issue 16: a hanzi name typed with the wrong character of the same sound, as a pinyin keyboard
 * offers several ("布拉个" for 布拉格, "上嗨" for 上海), in sentences written for these tests.
 */
describe('a hanzi name typed with a character of the same sound, on the shipped world layer', () => {
  let shipped: Catalog;
  beforeAll(async () => {
    shipped = (await shippedStore()).catalog;
  });
  const ids = (text: string) => soundAlike(text, shipped).map((cities) => cities.map((c) => c.id));

  it('GIVEN one character of a name typed with another read the same THEN that city is found', () => {
    expect(ids('布拉个')).toEqual([['prague-cz']]);
    expect(ids('上嗨')).toEqual([['shanghai-cn']]);
  });

  it('GIVEN a city with its name in simplified and traditional characters THEN it is found once', () => {
    expect(ids('武汗')).toEqual([['wuhan-cn']]);
  });

  it('GIVEN a word read like a name but sharing none of its characters ("伤害", shang hai) THEN no city', () => {
    expect(ids('伤害')).toEqual([]);
  });

  it('GIVEN a character that sounds otherwise (哥 "ge" is, 克 "ke" is not) THEN no slip is read', () => {
    expect(ids('布拉哥')).toEqual([['prague-cz']]);
    expect(ids('布拉克')).toEqual([]);
  });

  it.each([
    ['布拉个的友好城市', partners('prague-cz')],
    ['上嗨有哪些友好城市', partners('shanghai-cn')],
    // "和布|拉|个": "and" glued to the first character; the slip is 布拉个, not 拉个 (Lage).
    ['上嗨和布拉个的关系', agreement('shanghai-cn', 'prague-cz')],
    // "锡" alone sounds as Ski's Chinese name: one character is no name by its sound.
    ['南京和来比锡是友好城市吗', stillActive('nanjing-cn', 'leipzig-de')],
  ] as [string, Invocation][])('GIVEN "%s" THEN it is read as meant', (text, expected) => {
    const reading = parseQuestion(text, shipped, commands);
    expect(reading.sure ? reading.invocation : reading).toEqual(expected);
  });
  it('GIVEN a slip that would be a small town ("拉个" for 拉格, Lage) THEN it is only offered', () => {
    const reading = parseQuestion('拉个的友好城市', shipped, commands);
    expect(reading.sure).toBe(false);
    expect(reading.sure ? [] : reading.closest).toContainEqual(partners('lage-de'));
  });

  it('GIVEN characters we cannot place before a slip ("鑫|拉|个") THEN no name is read from the middle of them', () => {
    const reading = parseQuestion('鑫拉个的友好城市', shipped, commands);
    expect(reading.sure ? [reading.invocation] : reading.closest).not.toContainEqual(partners('lage-de'));
  });
});

describe('several names that the slip could be', () => {
  const place = (id: string, name: string, hanzi: string): City => ({
    id,
    name,
    names: [{ name: hanzi, kind: 'alias' }],
    country: 'CZ',
  });
  const catalog = new Catalog(
    StoreSchema.parse({ version: 1, settings: { world: true }, cities: [], partnerships: [] }),
    new World(
      WorldFileSchema.parse({
        format: 1,
        sources: [],
        // 格 and 阁 are both "ge": 布拉个 may be either.
        cities: [place('bulage-cz', 'Bulage', '布拉格'), place('bulagge-cz', 'Bulagge', '布拉阁')],
        partnerships: [],
      }),
    ),
  );

  it('GIVEN two names a slip of one character could be THEN each is offered and none answered', () => {
    const reading = parseQuestion('布拉个的友好城市', catalog, commands);
    expect(reading.sure).toBe(false);
    expect(reading.sure ? [] : reading.closest).toEqual(
      expect.arrayContaining([partners('bulage-cz'), partners('bulagge-cz')]),
    );
  });
});
