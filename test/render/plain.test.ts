import { describe, expect, it } from 'vitest';
import { answer } from '../../src/core/reply.ts';
import { formatFuzzyDate, ordinal } from '../../src/render/dates.ts';
import { clip, renderPlain } from '../../src/render/plain.ts';

describe('renderPlain', () => {
  it('GIVEN dates as values THEN writes each as precisely as it is known', () => {
    const text = renderPlain(
      answer({ text: [{ date: '1967-06-03' }, ' / ', { date: '1974-10' }, ' / ', { date: '0836' }] }),
    );
    expect(text).toBe('3 June 1967 / October 1974 / 836');
  });

  it('GIVEN title, fields, rows, links and footer THEN shows them all, aligned, with nothing cut', () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({ text: `row ${i}` }));
    const text = renderPlain(
      answer({
        title: 'T',
        fields: [
          { label: 'Type', value: 'twin town' },
          { label: 'Status', value: 'active' },
        ],
        sections: [{ heading: 'Timeline', rows }],
        links: [{ label: '[1] Source', url: 'https://example.org' }],
        footer: 'end',
      }),
    );
    expect(text).toContain('Type:   twin town\nStatus: active');
    expect(text).toContain('Timeline:\n  • row 0');
    expect(text).toContain('  • row 299');
    expect(text).toContain('[1] Source <https://example.org>');
    expect(text.endsWith('end')).toBe(true);
  });

  it('GIVEN stored text with terminal escapes and bidi overrides THEN strips them', () => {
    const text = renderPlain(answer({ title: 'Evil\u001b[31mCity\u202e', text: 'a\u0007b' }));
    expect(text).toBe('Evil[31mCity\n\nab');
  });
});

describe('renderPlain with hidden characters', () => {
  it('GIVEN stored text with control and bidirectional marks THEN they are stripped, line breaks kept', () => {
    const text = 'Pra\u202Egue\u200E\u061C\u0007\nline two';
    expect(renderPlain(answer({ text }))).toBe('Prague\nline two');
  });

  it('GIVEN a reply that waits for confirmation THEN says which command goes ahead', () => {
    const reply = {
      ...answer({ text: 'Delete it?' }),
      confirm: { token: 't', command: 'remove a / b --yes' },
    };
    expect(renderPlain(reply)).toContain('To go ahead, run: `remove a / b --yes`');
  });
});

describe('dates', () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [22, '22nd'],
    [50, '50th'],
    [101, '101st'],
    [111, '111th'],
  ])('GIVEN %i THEN the ordinal is %s', (n, expected) => {
    expect(ordinal(n)).toBe(expected);
  });

  it('GIVEN 29 February THEN formats it as given', () => {
    expect(formatFuzzyDate('2024-02-29')).toBe('29 February 2024');
  });
});

describe('clip', () => {
  it('GIVEN text within the limit THEN leaves it as it is', () => {
    expect(clip('Run: /twin partners Prague', 75)).toBe('Run: /twin partners Prague');
  });

  it('GIVEN longer text THEN cuts it to the limit, ending in an ellipsis', () => {
    expect(clip('partners Kitakami', 10)).toBe('partners …');
  });

  it('GIVEN an emoji where the cut falls THEN keeps it whole or drops it, never half', () => {
    expect(clip('Taipei 🏯 tower', 9)).toBe('Taipei …');
    expect(clip('Taipei 🏯 tower', 10)).toBe('Taipei 🏯…');
  });
});
