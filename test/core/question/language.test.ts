import { describe, expect, it } from 'vitest';
import { questionLanguage } from '../../../src/core/question/language.ts';
import { tokenize } from '../../../src/core/question/tokens.ts';

const languageOf = (text: string) => questionLanguage(text, tokenize(text, 40));

describe('questionLanguage', () => {
  it('GIVEN questions in our languages THEN reads the language from their words', () => {
    expect(languageOf('Welche Partnerstädte hat Prag?')).toBe('de');
    expect(languageOf('Quelles sont les villes jumelles de Prague ?')).toBe('fr');
    expect(languageOf('Which cities are twinned with Prague?')).toBe('en');
  });

  it('GIVEN kana THEN Japanese; Han without kana THEN Simplified Chinese', () => {
    expect(languageOf('北上市の姉妹都市は?')).toBe('ja');
    expect(languageOf('上海的友好城市有哪些?')).toBe('zh-Hans');
  });

  it('GIVEN only names, or words several languages share equally THEN it does not guess', () => {
    expect(languageOf('Prague Shanghai')).toBeUndefined();
    expect(languageOf('Prague partner')).toBeUndefined();
  });
});
