import { describe, expect, it } from 'vitest';
import { readDelivery, SeenDeliveries } from '../../../src/adapters/slack/deliveries.ts';
import { buttonPress, eventCallback, slashCommand } from '../../fakes/slack-requests.ts';

const formPayload = (body: string) => JSON.parse(new URLSearchParams(body).get('payload') ?? '');

describe('SeenDeliveries', () => {
  it('GIVEN a key seen before its time is up THEN it is not new; after its time it is new again', () => {
    let now = 1_000;
    const seen = new SeenDeliveries(10, () => now);
    expect(seen.first('event:Ev1', 2_000)).toBe(true);
    expect(seen.first('event:Ev1', 2_000)).toBe(false);
    now = 1_999;
    expect(seen.first('event:Ev1', 3_000)).toBe(false);
    now = 2_000;
    expect(seen.first('event:Ev1', 3_000)).toBe(true);
  });

  it('GIVEN more keys than it may hold THEN it holds its capacity, forgetting the oldest first', () => {
    const seen = new SeenDeliveries(100, () => 0);
    for (let i = 0; i < 1_000; i++) expect(seen.first(`k${i}`, 10)).toBe(true);
    expect(seen.size).toBe(100);
    expect(seen.first('k999', 10)).toBe(false);
    expect(seen.first('k0', 10)).toBe(true);
  });

  it('GIVEN keys whose time is up THEN they are forgotten as new ones come', () => {
    let now = 0;
    const seen = new SeenDeliveries(1_000, () => now);
    for (let i = 0; i < 500; i++) seen.first(`k${i}`, 100);
    now = 200;
    seen.first('late', 300);
    expect(seen.size).toBe(1);
  });
});

describe('readDelivery', () => {
  it('GIVEN what Slack sends THEN each has its delivery key: event_id for events, trigger_id for actions', () => {
    const event = JSON.parse(
      eventCallback({ type: 'app_mention', channel: 'C1', text: 'hi', ts: '1.2' }).body,
    );
    expect(readDelivery(event)).toEqual({ ok: true, kind: 'event', key: `event:${event.event_id}` });
    const command = Object.fromEntries(
      new URLSearchParams(
        slashCommand({ text: 'help', responseUrl: 'https://hooks.example/1', triggerId: '9.8' }).body,
      ),
    );
    expect(readDelivery(command)).toEqual({ ok: true, kind: 'command', key: 'trigger:9.8' });
    const press = formPayload(
      buttonPress({ actionId: 'twin_more', value: '{}', responseUrl: 'https://hooks.example/2' }).body,
    );
    expect(readDelivery(press)).toEqual({ ok: true, kind: 'button', key: `trigger:${press.trigger_id}` });
    const { trigger_id: _, ...withoutTrigger } = press;
    expect(readDelivery(withoutTrigger)).toEqual({
      ok: true,
      kind: 'button',
      key: 'press:UVISITOR:1700000000.000002',
    });
  });

  it.each([
    null,
    42,
    'text',
    [],
    {},
    { event: null },
    { event: { type: 'app_mention' }, event_id: 'Ev1', type: 'event_callback' },
    { command: '/twin', text: null, user_id: 'U1' },
    // Bolt reads `command` before `actions`: a press that also has one must not pass as a press.
    { command: 7, type: 'block_actions', actions: [] },
    { type: 'view_submission', view: null },
    { type: 'shortcut', callback_id: 'x' },
  ])('GIVEN %j THEN it is dropped', (body) => {
    expect(readDelivery(body).ok).toBe(false);
  });
});
