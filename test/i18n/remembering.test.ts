import { describe, expect, it } from 'vitest';
import { remembering, sentenceWithHole } from '../../src/i18n/remembering.ts';
import { type Translator, translator } from '../../src/i18n/translator.ts';

/** The real translator, counting what it is asked to make. */
function counting(lang: 'en' | 'de' | 'ja'): { tr: Translator; made: string[] } {
  const made: string[] = [];
  const real = translator(lang);
  const t: Translator['t'] = (key, values) => {
    made.push(key);
    return real.t(key, values);
  };
  return { made, tr: { lang, t } };
}

describe('remembering', () => {
  it('GIVEN the same sentence asked twice THEN it is translated once and reads the same', () => {
    const { tr, made } = counting('de');
    const words = remembering(tr);
    const first = words.t('status.active');
    expect(words.t('status.active')).toBe(first);
    expect(first).toBe(translator('de').t('status.active'));
    expect(made).toEqual(['status.active']);
  });

  it('GIVEN different values THEN each sentence is made with its own values', () => {
    const words = remembering(translator('en'));
    expect(words.t('partners.recorded', { count: 1 })).toBe(
      translator('en').t('partners.recorded', { count: 1 }),
    );
    expect(words.t('partners.recorded', { count: 3 })).toBe(
      translator('en').t('partners.recorded', { count: 3 }),
    );
  });
});

describe('sentenceWithHole', () => {
  it('GIVEN a sentence made once THEN each name fills it as the whole translation would, in Japanese too', () => {
    const { tr, made } = counting('ja');
    const withType = sentenceWithHole(tr, 'common.withNote', 'text', { note: '姉妹都市' });
    expect(withType('プラハ')).toBe('プラハ（姉妹都市）');
    expect(withType('台北')).toBe(translator('ja').t('common.withNote', { text: '台北', note: '姉妹都市' }));
    expect(made).toHaveLength(1);
  });

  it('GIVEN a name with replacement patterns THEN it is inserted as typed', () => {
    const withType = sentenceWithHole(translator('en'), 'common.withNote', 'text', { note: 'twin town' });
    expect(withType("$& $' Town")).toBe("$& $' Town (twin town)");
  });
});
