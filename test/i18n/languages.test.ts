import { describe, expect, it } from 'vitest';
import { langOfEnv, langOfTag } from '../../src/i18n/languages.ts';

describe('whose language', () => {
  it('GIVEN tags as shells and platforms write them THEN reads our language, else none', () => {
    expect(langOfTag('de_DE.UTF-8')).toBe('de');
    expect(langOfTag('cs_CZ.utf8@euro')).toBe('cs');
    expect(langOfTag('ja-JP')).toBe('ja');
    expect(langOfTag('zh_CN.UTF-8')).toBe('zh-Hans');
    expect(langOfTag('zh-Hans')).toBe('zh-Hans');
    expect(langOfTag('zh')).toBe('zh-Hans');
    expect(langOfTag('zh-SG')).toBe('zh-Hans');
    expect(langOfTag('es-419')).toBe('es');
    expect(langOfTag('fr')).toBe('fr');
    expect(langOfTag('C.UTF-8')).toBeUndefined();
    expect(langOfTag('POSIX')).toBeUndefined();
    expect(langOfTag('pt_BR')).toBeUndefined();
    expect(langOfTag('')).toBeUndefined();
  });

  it('GIVEN a Traditional Chinese reader THEN none: the caller falls back (English), never to the Simplified catalog', () => {
    for (const tag of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh_TW.UTF-8', 'zh-Hant-CN'])
      expect(langOfTag(tag), tag).toBeUndefined();
    expect(langOfEnv({ LANG: 'zh_TW.UTF-8' })).toBe('en');
  });

  it('GIVEN the environment THEN LC_ALL wins over LC_MESSAGES over LANG, and English when none is ours', () => {
    expect(langOfEnv({ LANG: 'de_DE.UTF-8' })).toBe('de');
    expect(langOfEnv({ LANG: 'de_DE.UTF-8', LC_MESSAGES: 'fr_FR.UTF-8' })).toBe('fr');
    expect(langOfEnv({ LANG: 'de_DE.UTF-8', LC_MESSAGES: 'fr_FR', LC_ALL: 'ja_JP.UTF-8' })).toBe('ja');
    expect(langOfEnv({ LANG: 'de_DE.UTF-8', LC_ALL: '' })).toBe('de');
    expect(langOfEnv({ LANG: 'C.UTF-8' })).toBe('en');
    expect(langOfEnv({ LANG: 'pt_BR.UTF-8' })).toBe('en');
    expect(langOfEnv({})).toBe('en');
  });
});
