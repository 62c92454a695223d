import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { confirmRow } from '../../../src/adapters/discord/confirm-buttons.ts';
import { pageMessage } from '../../../src/adapters/discord/paging.ts';
import { suggestionRow } from '../../../src/adapters/discord/suggestions.ts';
import { answer, problem, type Reply } from '../../../src/core/reply.ts';
import { dispatcherFor } from '../../fixtures/knowledge-base.ts';

const pages: APIEmbed[] = [{ description: 'eins' }, { description: 'zwei' }];

const labels = (rows: { components: { label?: string }[] }[]) =>
  rows.flatMap((row) => row.components.map((button) => button.label));

describe("Discord buttons are labelled in the answer's language", () => {
  it.each([
    ['de', ['Zurück', 'Weiter']],
    ['cs', ['Předchozí', 'Další']],
    ['ja', ['前へ', '次へ']],
    ['en', ['Previous', 'Next']],
  ] as const)('GIVEN a %s answer of two pages THEN its page buttons read %j', (lang, expected) => {
    expect(labels(pageMessage(pages, '42', 0, [], lang).components)).toEqual(expected);
  });

  it('GIVEN a Japanese change waiting for confirmation THEN its buttons read 確定 and キャンセル', () => {
    const reply: Reply = {
      ...answer({ text: '提携を削除しますか？', lang: 'ja' }),
      confirm: { token: 't1', command: 'remove Prague Shanghai --yes' },
    };
    expect(labels(confirmRow(reply))).toEqual(['確定', 'キャンセル']);
  });
});

describe('Discord suggestion buttons', () => {
  it('GIVEN a German reply suggesting a command THEN its button reads "Ausführen: …"', async () => {
    const { dispatcher } = await dispatcherFor();
    const reply = { ...problem('Meinten Sie …?', { suggestions: ['partners Prague'] }), lang: 'de' as const };
    expect(labels(suggestionRow(reply, dispatcher))).toEqual(['Ausführen: partners Prague']);
  });
});
