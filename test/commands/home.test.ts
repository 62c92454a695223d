import { describe, expect, it } from 'vitest';
import { renderPlain } from '../../src/render/plain.ts';
import { dispatcherFor, operator } from '../fixtures/knowledge-base.ts';

describe('home', () => {
  it('GIVEN staff setting the home city THEN partners without a city answers for it, and the change is audited', async () => {
    const { store, dispatcher } = await dispatcherFor();
    const reply = renderPlain(await dispatcher.answerText('home Praha', operator));
    expect(reply).toContain('The home city is now Prague, Czechia');
    expect(renderPlain(await dispatcher.answerText('partners', operator))).toContain(
      'Partner cities of Prague',
    );
    expect(store.catalog.data.audit.at(-1)).toMatchObject({
      actor: 'shell:tester',
      action: 'home',
      changes: [{ record: 'setting', id: 'homeCity', after: 'prague-cz' }],
    });
  });

  it('GIVEN a change of home city THEN says what it was, and the audit keeps before and after', async () => {
    const { store, dispatcher } = await dispatcherFor();
    await dispatcher.answerText('home Prague', operator);
    expect(renderPlain(await dispatcher.answerText('home Kitakami', operator))).toContain('(it was Prague)');
    expect(store.catalog.data.audit.at(-1)?.changes).toEqual([
      { record: 'setting', id: 'homeCity', before: 'prague-cz', after: 'kitakami-jp' },
    ]);
  });

  it('GIVEN a Slack user who is not staff THEN refuses and leaves the store unchanged', async () => {
    const { store, dispatcher } = await dispatcherFor();
    const reply = await dispatcher.answerText('home Prague', { platform: 'slack', userId: 'UNOBODY' });
    expect(reply.kind).toBe('error');
    expect(store.catalog.data.settings.homeCity).toBeUndefined();
    expect(store.catalog.data.audit).toEqual([]);
  });
});

describe('home in the reader language', () => {
  it('GIVEN a Czech reader THEN names Praha in Česko, and the city it was as Czech names it', async () => {
    const { dispatcher } = await dispatcherFor();
    const cs = { ...operator, lang: 'cs' as const };
    expect(renderPlain(await dispatcher.answerText('home Kitakami', cs))).toContain(
      'Domovské město je nyní Kitakami, Iwate, Japonsko. Příkaz `partners` bez uvedení města nyní vypisuje jeho partnerská města.',
    );
    expect(renderPlain(await dispatcher.answerText('home Prague', cs))).toContain(
      'Domovské město je nyní Praha, Česko (dříve Kitakami).',
    );
  });

  it('GIVEN a Chinese reader THEN answers in Chinese with the country from Intl', async () => {
    const { dispatcher } = await dispatcherFor();
    expect(
      renderPlain(await dispatcher.answerText('home Shanghai', { ...operator, lang: 'zh-Hans' })),
    ).toContain('本市现已设为上海（中国）。');
  });
});
