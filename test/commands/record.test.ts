import { describe, expect, it } from 'vitest';
import { plainSpans } from '../../src/render/plain.ts';
import { answerText, EDIT_TIME, editingDispatcher, errorText, office } from '../fixtures/edit-dispatcher.ts';
import { smallStore } from '../fixtures/knowledge-base.ts';

const TERMINATE =
  'record prague taipei termination 2024-03 by taipei reason agreed by no one source https://a.example/b';

describe('record', () => {
  it('GIVEN a renewal THEN adds it to the timeline in date order and answers with the status now', async () => {
    const { store, ask, say } = await editingDispatcher();
    const reply = await ask('record le mans paderborn renewal 2017');
    expect(answerText(reply)).toContain('Recorded: Le Mans – Paderborn renewed in 2017. Status now: active');
    expect(
      store.catalog.partnershipBetween('le-mans-fr', 'paderborn-de')?.milestones.map((m) => m.kind),
    ).toEqual(['historic_tie', 'signing', 'renewal']);
    expect(await say('agreement le mans paderborn')).toContain('2017 — renewed');
  });

  it('GIVEN a milestone dated before others THEN it goes where it belongs in time', async () => {
    const { store, ask } = await editingDispatcher();
    answerText(await ask('record prague taipei council_approval 2019-12'));
    expect(store.catalog.partnershipBetween('prague-cz', 'taipei-tw')?.milestones.map((m) => m.date)).toEqual(
      ['2001', '2019-12', '2020-01-13'],
    );
  });

  it('GIVEN a termination THEN asks to confirm, and nothing changes until then', async () => {
    const { ask, fileText } = await editingDispatcher();
    const before = await fileText();
    const reply = await ask(TERMINATE);
    expect(reply.kind).toBe('answer');
    expect(reply.ephemeral).toBe(true);
    expect(plainSpans(reply.text ?? '')).toBe(
      'Record that Prague – Taipei was terminated by Taipei in March 2024? Its status will change for everyone.',
    );
    expect(reply.confirm?.command).toBe(
      'record prague / taipei termination 2024-03 by taipei reason agreed by no one source https://a.example/b --yes',
    );
    expect(reply.confirm?.token).toMatch(/^[\w-]+$/);
    expect(await fileText()).toBe(before);
  });

  it('GIVEN a termination with --yes THEN records it, and agreement shows the new status and timeline', async () => {
    const { store, ask, say } = await editingDispatcher();
    const reply = await ask(`${TERMINATE} --yes`);
    expect(reply.confirm).toBeUndefined();
    expect(answerText(reply)).toContain('Status now: terminated by Taipei in March 2024');
    const agreement = await say('agreement prague taipei');
    expect(agreement).toMatch(/Status: +terminated by Taipei in March 2024/);
    expect(agreement).toContain('March 2024 — terminated by Taipei [1]');
    expect(agreement).toContain('agreed by no one');
    expect(agreement).toContain('[1] a.example <https://a.example/b>');
    expect(store.catalog.data.audit).toHaveLength(1);
  });

  it('GIVEN the asker confirms the token THEN records it once; the same token again changes nothing', async () => {
    const { store, dispatcher, ask, say } = await editingDispatcher();
    const token = (await ask(TERMINATE)).confirm?.token;
    if (!token) throw new Error('no confirmation asked');
    expect(answerText(await dispatcher.confirm(token, office))).toContain(
      'Recorded: Prague – Taipei terminated by Taipei',
    );
    expect(await say('agreement prague taipei')).toMatch(/Status: +terminated by Taipei/);
    expect(errorText(await dispatcher.confirm(token, office))).toContain('expired');
    const p = store.catalog.partnershipBetween('prague-cz', 'taipei-tw');
    expect(p?.milestones.filter((m) => m.kind === 'termination')).toHaveLength(1);
    expect(store.catalog.data.audit).toHaveLength(1);
  });

  it('GIVEN someone else presses Confirm THEN refuses them and changes nothing; the asker still can', async () => {
    const { dispatcher, ask, fileText } = await editingDispatcher({
      ...smallStore(),
      settings: { staff: ['slack:UOFFICE', 'slack:UOTHER'] },
    });
    const token = (await ask(TERMINATE)).confirm?.token;
    if (!token) throw new Error('no confirmation asked');
    const before = await fileText();
    expect(errorText(await dispatcher.confirm(token, { platform: 'slack', userId: 'UOTHER' }))).toContain(
      'Only the person who asked for this change can confirm it.',
    );
    expect(await fileText()).toBe(before);
    answerText(await dispatcher.confirm(token, office));
  });

  it('GIVEN Cancel THEN nothing changes and the token no longer confirms', async () => {
    const { dispatcher, ask, fileText } = await editingDispatcher();
    const token = (await ask(TERMINATE)).confirm?.token;
    if (!token) throw new Error('no confirmation asked');
    const before = await fileText();
    expect(answerText(dispatcher.cancel(token, office))).toBe('Cancelled. Nothing changed.');
    expect(errorText(await dispatcher.confirm(token, office))).toContain('expired');
    expect(await fileText()).toBe(before);
  });

  it('GIVEN an acting city that is not one of the pair THEN refuses naming it, and writes nothing', async () => {
    const { ask, fileText } = await editingDispatcher();
    const before = await fileText();
    const reply = await ask('record prague taipei suspension 2022 by paderborn');
    expect(errorText(reply)).toBe(
      'Paderborn is not one of the two cities, so it cannot act in Prague – Taipei.',
    );
    expect(reply.field).toBe('by');
    expect(await fileText()).toBe(before);
  });

  it('GIVEN an objection without the objecting city THEN asks which city objects', async () => {
    const { ask } = await editingDispatcher();
    const reply = await ask('record prague taipei objection 2022');
    expect(errorText(reply)).toContain('Say which city objects');
    expect(reply.field).toBe('by');
  });

  it('GIVEN an invalid date THEN refuses with the date message naming the field, and writes nothing', async () => {
    const { ask, fileText } = await editingDispatcher();
    const before = await fileText();
    const impossible = await ask('record prague taipei suspension 2022-13');
    expect(errorText(impossible)).toBe('"2022-13" is not a real calendar date.');
    expect(impossible.field).toBe('date');
    expect(errorText(await ask('record prague taipei suspension last week'))).toContain(
      '"last week" is not a date I can read.',
    );
    expect(await fileText()).toBe(before);
  });

  it('GIVEN a source that is not an http(s) address THEN refuses, and writes nothing', async () => {
    const { dispatcher, ask, fileText } = await editingDispatcher();
    const before = await fileText();
    expect((await ask('record prague taipei renewal 2022 source ftp://a.example/b')).kind).toBe('error');
    const typed = await dispatcher.run(
      {
        command: 'record',
        args: { city: 'prague-cz', with: 'taipei-tw', milestone: 'renewal', source: 'ftp://a.example/b' },
      },
      office,
    );
    expect(errorText(typed)).toContain(
      '"ftp://a.example/b" is not a web address: give one starting with http:// or https://.',
    );
    expect(typed.field).toBe('source');
    expect(await fileText()).toBe(before);
  });

  it('GIVEN a source given before the reason THEN the reason words do not end up in the stored address', async () => {
    const { store, ask } = await editingDispatcher();
    await ask('record prague taipei renewal 2022 source https://a.example/x reason late');
    const urls = store.catalog.partnershipBetween('prague-cz', 'taipei-tw')?.sources.map((s) => s.url) ?? [];
    expect(urls.filter((url) => /\s/.test(url ?? ''))).toEqual([]);
  });

  it('GIVEN a reason of 2,001 characters THEN refuses naming the limit; 2,000 THEN records it', async () => {
    const { store, ask, fileText } = await editingDispatcher();
    const before = await fileText();
    const reply = await ask(`record prague taipei suspension 2022 reason ${'r'.repeat(2001)}`);
    expect(errorText(reply)).toBe('The reason given is 2001 characters long; the limit is 2,000.');
    expect(reply.field).toBe('reason');
    expect(await fileText()).toBe(before);
    answerText(await ask(`record prague taipei suspension 2022 reason ${'r'.repeat(2000)}`));
    expect(
      store.catalog.partnershipBetween('prague-cz', 'taipei-tw')?.milestones.at(-1)?.reason,
    ).toHaveLength(2000);
  });

  it('GIVEN a reason with hidden characters THEN stores only the visible text', async () => {
    const { store, ask } = await editingDispatcher();
    answerText(await ask('record prague taipei suspension 2022 reason council\u202E vote\u0007'));
    expect(store.catalog.partnershipBetween('prague-cz', 'taipei-tw')?.milestones.at(-1)?.reason).toBe(
      'council vote',
    );
  });

  it('GIVEN no partnership between the cities THEN says to add it first', async () => {
    const { ask } = await editingDispatcher();
    expect(errorText(await ask('record prague kitakami renewal 2020'))).toContain(
      '`add prague-cz / kitakami-jp`',
    );
  });

  it('GIVEN the same milestone twice THEN the second is refused as already recorded', async () => {
    const { store, ask } = await editingDispatcher();
    answerText(await ask('record le mans paderborn renewal 2017'));
    expect(errorText(await ask('record le mans paderborn renewal 2017'))).toContain('already recorded');
    expect(store.catalog.data.audit).toHaveLength(1);
  });

  it('GIVEN the record THEN the audit entry keeps the partnership before and after', async () => {
    const { store, ask } = await editingDispatcher();
    const before = structuredClone(store.catalog.partnershipBetween('le-mans-fr', 'paderborn-de'));
    await ask('record le mans paderborn renewal 2017 reason fifty years');
    const entry = store.catalog.data.audit.at(-1);
    expect(entry).toMatchObject({
      at: EDIT_TIME,
      actor: 'slack:UOFFICE',
      platform: 'slack',
      action: 'record',
      summary: 'Recorded for Le Mans – Paderborn: renewed in 2017; reason: fifty years',
      target: 'le-mans-fr--paderborn-de',
    });
    expect(entry?.changes).toEqual([
      {
        record: 'partnership',
        id: 'le-mans-fr--paderborn-de',
        before,
        after: store.catalog.partnershipBetween('le-mans-fr', 'paderborn-de'),
      },
    ]);
  });

  it('GIVEN a milestone in two words THEN it is read as one kind', async () => {
    const { store, ask } = await editingDispatcher();
    answerText(await ask('record prague taipei phase out 2024 by prague'));
    expect(store.catalog.partnershipBetween('prague-cz', 'taipei-tw')?.milestones.at(-1)).toMatchObject({
      kind: 'phase_out',
      date: '2024',
      by: 'prague-cz',
    });
  });

  it('GIVEN a source address whose site name is empty THEN the source is titled by its address', async () => {
    const { store, ask } = await editingDispatcher();
    answerText(await ask('record prague taipei renewal 2022 source http://www./'));
    expect(store.catalog.partnershipBetween('prague-cz', 'taipei-tw')?.sources.at(-1)).toMatchObject({
      title: 'http://www./',
      url: 'http://www./',
    });
  });
});
