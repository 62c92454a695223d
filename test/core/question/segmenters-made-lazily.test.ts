import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * A word segmenter loads its language's dictionary when made (about 5 ms of a cold `ask`): a question
 * in a spaced language never makes one, and each is made once, by the first question that needs it.
 */
describe('making the word segmenters', () => {
  const Real = Intl.Segmenter;
  afterEach(() => {
    Object.defineProperty(Intl, 'Segmenter', { value: Real });
  });

  it('GIVEN spaced questions THEN no segmenter is made; GIVEN Japanese, then Chinese, questions THEN one of each, once', async () => {
    const made: unknown[] = [];
    Object.defineProperty(Intl, 'Segmenter', {
      value: class extends Real {
        constructor(...args: ConstructorParameters<typeof Real>) {
          super(...args);
          made.push(args[0]);
        }
      },
    });
    vi.resetModules();
    const { tokenize } = await import('../../../src/core/question/tokens.ts');
    tokenize('Who are the partners of Prague?', 20);
    tokenize('Seit wann sind Prag und Taipeh Partnerstädte?', 20);
    expect(made).toEqual([]);
    expect(tokenize('プラハの姉妹都市', 20).map((t) => t.text)).toContain('プラハ');
    tokenize('北上市の姉妹都市は', 20);
    expect(made).toEqual(['ja']);
    expect(tokenize('上海和布拉格还是友好城市吗', 20).map((t) => t.text)).toContain('上海');
    tokenize('布拉格的友好城市', 20);
    expect(made).toEqual(['ja', 'zh']);
  });
});
