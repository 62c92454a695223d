import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../../src/adapters/slack/incoming.ts';

describe('readQuestion', () => {
  it('GIVEN text with Slack entities THEN reads them as typed, keeping a typed &lt; as text', () => {
    expect(readQuestion('search Bar &amp; Grill &lt;x&gt; &amp;lt;').text).toBe(
      'search Bar & Grill <x> &lt;',
    );
  });

  it('GIVEN --share anywhere, in any case THEN asks to share and leaves it out of the question', () => {
    expect(readQuestion('partners --SHARE  Prague')).toEqual({ text: 'partners Prague', share: true });
    expect(readQuestion('partners Prague')).toEqual({ text: 'partners Prague', share: false });
  });

  it('GIVEN a mention of the bot first THEN the question is what follows it', () => {
    expect(readQuestion('<@UBOT> partners Kitakami', 'UBOT').text).toBe('partners Kitakami');
    expect(readQuestion('<@UBOT|twinbot>   partners Kitakami', 'UBOT').text).toBe('partners Kitakami');
  });

  it('GIVEN a greeting before the mention THEN the greeting is ignored', () => {
    expect(readQuestion('hello <@UBOT> agreement san francisco osaka', 'UBOT').text).toBe(
      'agreement san francisco osaka',
    );
  });

  it('GIVEN the mention last THEN the question is what precedes it', () => {
    expect(readQuestion('partners Kitakami <@UBOT>', 'UBOT').text).toBe('partners Kitakami');
  });

  it("GIVEN other people's mentions THEN they stay in the question", () => {
    expect(readQuestion('<@UBOT> search <@U123>', 'UBOT').text).toBe('search <@U123>');
  });
});
