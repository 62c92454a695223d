import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inputBlockId } from '../../../src/render/slack-form.ts';
import type { ApiCall, RespondCall } from '../../fakes/slack-api.ts';
import { buttonPress, viewSubmission } from '../../fakes/slack-requests.ts';
import { smallStore } from '../../fixtures/knowledge-base.ts';
import { blockTexts, buttons, type HttpHarness, startHttpHarness } from './harness.ts';

const STAFF = 'UOFFICE';
const TERMINATE = 'record prague shanghai termination 2020-01-14 by shanghai';

let slack: HttpHarness;
beforeEach(async () => {
  slack = await startHttpHarness();
});
afterEach(async () => {
  await slack.close();
});

const storeFile = () => readFile(slack.store.path, 'utf8');
const pragueShanghai = () =>
  slack.store.catalog.data.partnerships.find((p) => p.id === 'prague-cz--shanghai-cn');
const terminations = () => pragueShanghai()?.milestones.filter((m) => m.kind === 'termination') ?? [];

/** The partnership between two cities, found by their names. */
function partnershipOf(nameA: string, nameB: string) {
  const { cities, partnerships } = slack.store.catalog.data;
  const id = (name: string) => cities.find((c) => c.name === name)?.id;
  return partnerships.find((p) => p.cities.includes(id(nameA) ?? '-') && p.cities.includes(id(nameB) ?? '-'));
}

/** The responses to one response_url, once `count` have arrived; each must be a message Slack accepts. */
async function responsesTo(id: string, count = 1): Promise<RespondCall[]> {
  const found = (await slack.fake.waitFor(
    (c) => c.kind === 'respond' && c.id === id,
    count,
  )) as RespondCall[];
  for (const response of found) expect(response.error).toBeUndefined();
  return found;
}

async function press(actionId: 'twin_confirm' | 'twin_cancel', value: string, userId = STAFF) {
  const responseUrl = slack.fake.responseUrl();
  const res = await slack.send(buttonPress({ actionId, value, responseUrl, userId }));
  expect(res.status).toBe(200);
  const [response] = await responsesTo(responseUrl.split('/').pop() as string);
  return response?.body ?? {};
}

/** Asks for the termination and returns the value its Confirm and Cancel buttons carry. */
async function askToTerminate(): Promise<string> {
  const acked = await slack.ask(TERMINATE, { userId: STAFF });
  const confirm = buttons(acked.answer?.blocks).get('twin_confirm');
  expect(confirm?.value).toBeDefined();
  return confirm?.value ?? '';
}

/** Opens a form with `/twin <command>` and returns the view Slack was asked to open and the response_url id. */
async function openForm(command: string) {
  const acked = await slack.ask(command, { userId: STAFF, channelId: 'C0OFFICE', triggerId: '1.2.3' });
  expect(acked.status).toBe(200);
  expect(acked.answer).toBeUndefined();
  const [call] = (await slack.fake.waitFor(
    (c) => c.kind === 'api' && c.method === 'views.open',
  )) as ApiCall[];
  expect(call?.error).toBeUndefined();
  return { call, view: call?.args.view as Record<string, unknown>, responseId: acked.responseId };
}

async function submit(view: Record<string, unknown>, values: Record<string, string>, userId = STAFF) {
  const res = await slack.send(viewSubmission({ view, values, userId }));
  expect(res.status).toBe(200);
  const text = await res.text();
  return text === ''
    ? undefined
    : (JSON.parse(text) as { response_action: string; errors: Record<string, string> });
}

describe('Slack: staff edit the records with /twin', () => {
  it('GIVEN /twin staff add with a user mention as Slack escapes it THEN that user is on the staff list', async () => {
    const acked = await slack.ask('staff add <@U0ANA|ana>', { userId: STAFF });
    expect(blockTexts(acked.answer?.blocks).join('\n')).toContain('slack:U0ANA is now on the staff list');
    expect(slack.store.catalog.data.settings.staff).toContain('slack:U0ANA');
  });

  it('GIVEN a staff user adds a partnership of two new cities THEN it is answered privately and stored, audited as them', async () => {
    const acked = await slack.ask('add Skövde, SE / Zhangjiakou, CN friendship_city signed 2015', {
      userId: STAFF,
    });
    expect(acked.answer?.response_type).toBe('ephemeral');
    expect(blockTexts(acked.answer?.blocks).join('\n')).toContain('Added the partnership Skövde');
    const added = partnershipOf('Skövde', 'Zhangjiakou');
    expect(added?.type).toBe('friendship_city');
    expect(added?.milestones).toEqual([{ kind: 'signing', date: '2015', sources: [] }]);
    expect(slack.store.catalog.data.audit.at(-1)?.actor).toBe('slack:UOFFICE');
  });

  it('GIVEN a non-staff user adds a partnership THEN it is refused and the store file is unchanged', async () => {
    const before = await storeFile();
    const acked = await slack.ask('add Skövde, SE / Zhangjiakou, CN friendship_city signed 2015', {
      userId: 'UVISITOR',
    });
    expect(blockTexts(acked.answer?.blocks).join('\n')).toContain('`add` is for office staff only');
    expect(await storeFile()).toBe(before);
  });

  it('GIVEN a termination asked for THEN the answer carries Confirm (danger) and Cancel buttons and the store is unchanged', async () => {
    const before = await storeFile();
    const acked = await slack.ask(TERMINATE, { userId: STAFF });
    expect(acked.answer?.response_type).toBe('ephemeral');
    expect(blockTexts(acked.answer?.blocks).join('\n')).toContain('Its status will change for everyone');
    const found = buttons(acked.answer?.blocks);
    expect([...found.keys()]).toEqual(['twin_confirm', 'twin_cancel']);
    expect(found.get('twin_confirm')?.label).toBe('Confirm');
    expect(found.get('twin_cancel')?.value).toBe(found.get('twin_confirm')?.value);
    const blocks = (acked.answer?.blocks ?? []) as { type: string; elements?: { style?: string }[] }[];
    const actions = blocks.find((b) => b.type === 'actions');
    expect(actions?.elements?.[0]?.style).toBe('danger');
    expect(await storeFile()).toBe(before);
  });

  it('GIVEN Confirm pressed by the asker THEN the change is made and the question is replaced by the result', async () => {
    const value = await askToTerminate();
    expect(terminations()).toHaveLength(1);
    const body = await press('twin_confirm', value);
    expect(body.replace_original).toBe(true);
    expect(body.response_type).toBe('ephemeral');
    expect(blockTexts(body.blocks).join('\n')).toContain('Recorded: Prague – Shanghai');
    expect(buttons(body.blocks).size).toBe(0);
    expect(terminations()).toHaveLength(2);
    expect(slack.store.catalog.data.audit.at(-1)?.actor).toBe('slack:UOFFICE');
  });

  it('GIVEN Cancel pressed THEN the question is replaced by "Cancelled", nothing changes, and Confirm no longer works', async () => {
    const before = await storeFile();
    const value = await askToTerminate();
    const cancelled = await press('twin_cancel', value);
    expect(cancelled.replace_original).toBe(true);
    expect(blockTexts(cancelled.blocks).join('\n')).toContain('Cancelled. Nothing changed.');
    const late = await press('twin_confirm', value);
    expect(late.replace_original).toBe(false);
    expect(blockTexts(late.blocks).join('\n')).toContain('This confirmation has expired');
    expect(await storeFile()).toBe(before);
  });

  it('GIVEN Confirm pressed twice THEN the change is made once and the second press does not overwrite the result', async () => {
    const value = await askToTerminate();
    await press('twin_confirm', value);
    const again = await press('twin_confirm', value);
    expect(again.replace_original).toBe(false);
    expect(blockTexts(again.blocks).join('\n')).toContain('Nothing changed');
    expect(terminations()).toHaveLength(2);
  });

  it("GIVEN another staff user presses Confirm THEN they are refused privately, nothing changes, and the asker's buttons still work", async () => {
    await slack.close();
    slack = await startHttpHarness({
      ...smallStore(),
      settings: { staff: ['slack:UOFFICE', 'slack:UOTHER'] },
    });
    const value = await askToTerminate();
    const refused = await press('twin_confirm', value, 'UOTHER');
    expect(refused.replace_original).toBe(false);
    expect(blockTexts(refused.blocks).join('\n')).toContain('Only the person who asked for this change');
    expect(terminations()).toHaveLength(1);
    await press('twin_confirm', value);
    expect(terminations()).toHaveLength(2);
  });

  it('GIVEN --yes THEN the termination is recorded at once, with no buttons', async () => {
    const acked = await slack.ask(`${TERMINATE} --yes`, { userId: STAFF });
    expect(blockTexts(acked.answer?.blocks).join('\n')).toContain('Recorded: Prague – Shanghai');
    expect(buttons(acked.answer?.blocks).size).toBe(0);
    expect(terminations()).toHaveLength(2);
  });

  it('GIVEN --yes --share THEN the termination is recorded and the result posted in the channel', async () => {
    const acked = await slack.ask(`${TERMINATE} --share --yes`, { userId: STAFF, channelId: 'C0OFFICE' });
    expect(acked.answer).toBeUndefined();
    const post = await slack.posted();
    expect(post.args.channel).toBe('C0OFFICE');
    expect(blockTexts(post.args.blocks).join('\n')).toContain('Recorded: Prague – Shanghai');
    expect(terminations()).toHaveLength(2);
  });

  it('GIVEN --share without --yes THEN the question to confirm stays private and nothing is posted', async () => {
    const acked = await slack.ask(`${TERMINATE} --share`, { userId: STAFF, channelId: 'C0OFFICE' });
    const [answer] = await responsesTo(acked.responseId);
    expect(answer?.body.response_type).toBe('ephemeral');
    expect(buttons(answer?.body.blocks).has('twin_confirm')).toBe(true);
    expect(slack.fake.apiCalls('chat.postMessage')).toEqual([]);
    expect(terminations()).toHaveLength(1);
  });

  it('GIVEN a confirmed change THEN /twin undo takes it back', async () => {
    const before = pragueShanghai();
    await press('twin_confirm', await askToTerminate());
    expect(pragueShanghai()).not.toEqual(before);
    const acked = await slack.ask('undo', { userId: STAFF });
    expect(blockTexts(acked.answer?.blocks).join('\n')).toContain('Undone: Recorded for Prague – Shanghai');
    expect(pragueShanghai()).toEqual(before);
  });
});

describe('Slack: staff forms', () => {
  it('GIVEN /twin add alone from staff THEN a form with a field for each argument opens, remembering where it was asked', async () => {
    const { call, view, responseId } = await openForm('add');
    expect(call?.args.trigger_id).toBe('1.2.3');
    expect(view.title).toEqual({ type: 'plain_text', text: '/twin add' });
    const inputs = (view.blocks as { type: string; block_id: string; element: Record<string, unknown> }[])
      .filter((b) => b.type === 'input')
      .map((b) => [b.block_id, b.element.type]);
    expect(inputs).toEqual([
      ['arg:city', 'plain_text_input'],
      ['arg:with', 'plain_text_input'],
      ['arg:type', 'static_select'],
      ['arg:signed', 'datepicker'],
      ['arg:signed:typed', 'plain_text_input'],
      ['arg:source', 'url_text_input'],
    ]);
    expect(blockTexts(view.blocks)).toContain('friendship city');
    const metadata = JSON.parse(String(view.private_metadata));
    expect(metadata).toMatchObject({ command: 'add', channelId: 'C0OFFICE' });
    expect(metadata.responseUrl).toBe(`${slack.fake.url}/respond/${responseId}`);
  });

  it('GIVEN /twin add alone from a non-staff user THEN no form opens and they are refused', async () => {
    const acked = await slack.ask('add', { userId: 'UVISITOR' });
    expect(blockTexts(acked.answer?.blocks).join('\n')).toContain('`add` is for office staff only');
    expect(slack.fake.apiCalls('views.open')).toEqual([]);
  });

  it('GIVEN the add form submitted with a date that is no date THEN the form stays open with the message on that date field, and nothing is stored', async () => {
    const { view, responseId } = await openForm('add');
    const before = await storeFile();
    const ack = await submit(view, {
      'arg:city': 'Skövde, SE',
      'arg:with': 'Zhangjiakou, CN',
      'arg:signed:typed': '2015-13',
    });
    expect(ack?.response_action).toBe('errors');
    expect(Object.keys(ack?.errors ?? {})).toEqual([inputBlockId('signed', 'typed')]);
    expect(ack?.errors[inputBlockId('signed', 'typed')]).toContain('"2015-13" is not a real calendar date');
    expect(await storeFile()).toBe(before);
    expect(slack.fake.responses(responseId)).toEqual([]);
  });

  it('GIVEN the add form submitted with an unknown partner city THEN the message is on the partner field', async () => {
    const { view } = await openForm('add');
    const ack = await submit(view, { 'arg:city': 'Prague', 'arg:with': 'Atlantis' });
    expect(Object.keys(ack?.errors ?? {})).toEqual(['arg:with']);
    expect(ack?.errors['arg:with']).toContain('No city named "Atlantis"');
  });

  it('GIVEN the add form submitted for two cities already partnered THEN the message is on the first field', async () => {
    const { view } = await openForm('add');
    const ack = await submit(view, { 'arg:city': 'Prague', 'arg:with': 'Shanghai' });
    expect(Object.keys(ack?.errors ?? {})).toEqual(['arg:city']);
    expect(ack?.errors['arg:city']).toContain('are already partners');
  });

  it('GIVEN the add form submitted with good values THEN it closes, the partnership is stored, and the answer goes to where /twin add was typed', async () => {
    const { view, responseId } = await openForm('add');
    const ack = await submit(view, {
      'arg:city': 'Skövde, SE',
      'arg:with': 'Zhangjiakou, CN',
      'arg:type': 'friendship_city',
      'arg:signed': '2015-06-03',
      'arg:signed:typed': '2015',
      'arg:source': 'https://example.org/skovde',
    });
    expect(ack).toBeUndefined();
    const [answer] = await responsesTo(responseId);
    expect(answer?.body.response_type).toBe('ephemeral');
    expect(blockTexts(answer?.body.blocks).join('\n')).toContain('Added the partnership Skövde');
    const added = partnershipOf('Skövde', 'Zhangjiakou');
    expect(added?.type).toBe('friendship_city');
    // The typed year wins over the picked day.
    expect(added?.milestones[0]?.date).toBe('2015');
    expect(added?.sources[0]?.url).toBe('https://example.org/skovde');
    expect(slack.store.catalog.data.audit.at(-1)?.actor).toBe('slack:UOFFICE');
  });

  it('GIVEN the record form submitted for a termination THEN it closes and Confirm and Cancel arrive where it was asked, which then work', async () => {
    const { view, responseId } = await openForm('record');
    const ack = await submit(view, {
      'arg:city': 'Prague',
      'arg:with': 'Shanghai',
      'arg:milestone': 'termination',
      'arg:date': '2020-01-14',
      'arg:by': 'Shanghai',
      'arg:reason': 'Line one\nline two',
    });
    expect(ack).toBeUndefined();
    const [question] = await responsesTo(responseId);
    const confirm = buttons(question?.body.blocks).get('twin_confirm');
    expect(terminations()).toHaveLength(1);
    await press('twin_confirm', confirm?.value ?? '');
    expect(terminations().at(-1)).toMatchObject({ date: '2020-01-14', reason: 'Line one line two' });
  });
});
