import { describe, expect, it } from 'vitest';
import { askSeed, askSeedIn, askSmall, askSmallIn } from './seed-answers.ts';

describe('city', () => {
  it('GIVEN rzeszow without diacritics THEN finds Rzeszów with its country and partner count', async () => {
    const text = await askSmall('city rzeszow');
    expect(text).toContain('Rzeszów, Poland');
    expect(text).toMatch(/Partners: +1 active/);
  });

  it('GIVEN a native name THEN shows all names with their languages and the time zone', async () => {
    const text = await askSmall('city 北上市');
    expect(text).toContain('Kitakami, Iwate, Japan');
    expect(text).toContain('北上市 (Japanese)');
  });

  it('GIVEN a city with no time zone recorded THEN says so', async () => {
    expect(await askSmall('city Le Mans')).toMatch(/Time zone: +not recorded/);
  });

  it('GIVEN Concord in the seed THEN lists every Concord with region and country', async () => {
    const text = await askSeed('city concord');
    expect(text).toContain('Concord, California, United States');
    expect(text).toContain('Concord, Massachusetts, United States');
  });

  it('GIVEN Prague THEN counts partners by status', async () => {
    expect(await askSmall('city prague')).toMatch(
      /Partners: +1 terminated, 1 active|Partners: +1 active, 1 terminated/,
    );
  });
});

describe('city in the reader language', () => {
  it('GIVEN a Czech reader and Praha in the seed THEN names Praha and Česko, with Czech labels', async () => {
    const text = await askSeedIn('cs', 'city Praha');
    expect(text).toContain('Praha, Prague, Česko');
    expect(text).toMatch(
      /Názvy: +Praha \(čeština\), Prague \(angličtina\), Prag \(němčina\), Praga \(polština\), 布拉格 \(čínština\)/,
    );
    expect(text).toMatch(/Země: +Česko \(CZ\)/);
    expect(text).toMatch(/Časové pásmo: +Europe\/Prague/);
    expect(text).toMatch(/Partnerská města: +(ukončeno \(1\), platné \(1\)|platné \(1\), ukončeno \(1\))/);
    expect(text).toContain('ID: prague-cz · partnerská města zobrazíte příkazem `partners prague-cz`');
  });

  it('GIVEN a German reader THEN names Prag and Tschechien', async () => {
    const text = await askSeedIn('de', 'city Praha');
    expect(text).toContain('Prag, Prague, Tschechien');
    expect(text).toMatch(/Land: +Tschechien \(CZ\)/);
    expect(text).toMatch(/Partnerstädte: +(beendet \(1\) und aktiv \(1\)|aktiv \(1\) und beendet \(1\))/);
  });

  it('GIVEN a Japanese reader THEN names 北上市 in Japan, written in Japanese order, and says what is not recorded', async () => {
    const text = await askSmallIn('ja', 'city 北上市');
    expect(text).toContain('北上市（日本・Iwate）');
    expect(text).toMatch(/名称： +北上市（日本語）/);
    expect(text).toMatch(/国： +日本（JP）/);
    expect(text).toMatch(/タイムゾーン： +記録なし/);
    expect(text).toMatch(/姉妹都市・提携都市： +有効1件/);
  });
});

describe('city names its partners', () => {
  it('GIVEN Prague THEN its partners by name, in force first, with their status', async () => {
    expect(await askSmall('city prague')).toContain(
      'Partner cities:\n  • Taipei\n    active\n  • Shanghai\n    terminated',
    );
  });

  it('GIVEN a German and a Japanese reader THEN the heading and statuses in their words', async () => {
    expect(await askSmallIn('de', 'city prague')).toContain(
      'Die Partnerstädte:\n  • Taipei\n    aktiv\n  • Shanghai\n    beendet',
    );
    expect(await askSmallIn('ja', 'city prague')).toContain(
      '姉妹都市・提携都市の一覧：\n  • Taipei\n    有効',
    );
  });

  it('GIVEN a city with many partners THEN every one is named, none cut', async () => {
    const text = await askSeed('city rzeszow');
    const partners = text.slice(text.indexOf('Partner cities:'));
    for (const name of ['Buffalo', 'Klagenfurt']) expect(partners).toContain(name);
  });
});
