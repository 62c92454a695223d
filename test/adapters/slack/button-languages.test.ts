import { describe, expect, it } from 'vitest';
import { KeptPages } from '../../../src/adapters/slack/kept-pages.ts';
import { answerOnce, keptPage, messageFor } from '../../../src/adapters/slack/pages.ts';
import { answer, problem, type Reply } from '../../../src/core/reply.ts';
import type { Lang } from '../../../src/i18n/languages.ts';
import { buttons } from './harness.ts';

/** Two Slack pages' worth of rows. */
function longReply(lang: Lang): Reply {
  const rows = Array.from({ length: 300 }, (_, i) => ({ text: `Partnerville ${i} ${'x'.repeat(40)}` }));
  return answer({ title: 'Partners', sections: [{ rows }], lang });
}

describe("Slack buttons are labelled in the answer's language", () => {
  it.each([
    ['de', 'Mehr (2 von 2)'],
    ['cs', 'Další (2 z 2)'],
    ['ja', '続きを表示（2 / 2）'],
    ['en', 'More (2 of 2)'],
  ] as const)('GIVEN a long %s answer THEN its More button reads "%s"', (lang, label) => {
    const kept = new KeptPages();
    const first = messageFor(answerOnce(longReply(lang)), 0, 'ephemeral', kept);
    expect(buttons(first.blocks).get('twin_page')?.label).toBe(label);
  });

  it('GIVEN the More button of a German answer pressed THEN the page it shows keeps German words', () => {
    const kept = new KeptPages();
    const reply = longReply('de');
    const rows = reply.sections?.[0]?.rows ?? [];
    // More pages, so the second one has a More button of its own.
    const longer = { ...reply, sections: [{ rows: [...rows, ...rows] }] };
    const first = messageFor(answerOnce(longer), 0, 'ephemeral', kept);
    const value = buttons(first.blocks).get('twin_page')?.value;
    const second = keptPage(kept, value);
    expect(buttons(second?.blocks).get('twin_page')?.label).toBe('Mehr (3 von 5)');
  });

  it('GIVEN a German change waiting for confirmation THEN its buttons read Bestätigen and Abbrechen', () => {
    const reply: Reply = {
      ...answer({ text: 'Partnerschaft beenden?', lang: 'de' }),
      confirm: { token: 't1', command: 'remove Prague Shanghai --yes' },
    };
    const labels = buttons(messageFor(answerOnce(reply), 0, 'ephemeral', new KeptPages()).blocks);
    expect(labels.get('twin_confirm')?.label).toBe('Bestätigen');
    expect(labels.get('twin_cancel')?.label).toBe('Abbrechen');
  });

  it('GIVEN a Czech refusal with a suggestion a button may run THEN the Run button reads Spustit', () => {
    const reply = {
      ...problem('Nejsem si jistý.', { suggestions: ['partners Prague'] }),
      lang: 'cs' as const,
    };
    const answered = {
      ...answerOnce(reply),
      runnable: [{ text: 'partners Prague', invocation: { command: 'partners', args: {} } }],
    };
    const labels = buttons(messageFor(answered, 0, 'ephemeral', new KeptPages()).blocks);
    expect(labels.get('twin_run:0')?.label).toBe('Spustit: /twin partners Prague');
  });
});
