import { App, LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { Router } from '../../../src/adapters/slack/router.ts';

/** The real Bolt App, fed requests through processEvent as its receivers do, with nothing on the network. */
function routedApp() {
  const app = new App({
    token: 'xoxb-router-test',
    signingSecret: 'router-test-secret',
    botId: 'BBOT',
    botUserId: 'UBOT',
    logLevel: LogLevel.ERROR,
  });
  const router = new Router(app);
  const ran: string[] = [];
  router.command('/twin', async ({ command, ack }) => {
    ran.push(`command ${command.text}`);
    await ack();
  });
  router.button('twin_share', async ({ action, ack }) => {
    ran.push(`button ${action.value}`);
    await ack();
  });
  router.form('twin_form', async ({ view, ack }) => {
    ran.push(`form ${view.private_metadata}`);
    await ack();
  });
  router.event('app_mention', async ({ event }) => {
    ran.push(`mention ${event.type === 'app_mention' ? event.text : ''}`);
  });
  router.event('message', async ({ event }) => {
    ran.push(`message ${event.channel}`);
  });
  const send = async (body: Record<string, unknown>) => {
    let acks = 0;
    await app.processEvent({
      body,
      ack: async () => {
        acks++;
      },
    });
    return acks;
  };
  return { app, ran, send };
}

const team = { id: 'T1', domain: 'city-office' };
const user = { id: 'U1', username: 'ana', team_id: 'T1' };

function slash(command: string, text: string) {
  return { command, text, user_id: 'U1', team_id: 'T1', channel_id: 'C1', api_app_id: 'A1' };
}

function blockAction(action: Record<string, unknown>) {
  return {
    type: 'block_actions',
    team,
    user,
    api_app_id: 'A1',
    container: { type: 'message', is_ephemeral: true },
    channel: { id: 'C1', name: 'general' },
    actions: [{ block_id: 'b', action_ts: '1.2', ...action }],
  };
}

function viewSubmission(callbackId: string, type = 'view_submission') {
  return {
    type,
    team,
    user,
    api_app_id: 'A1',
    view: {
      id: 'V1',
      callback_id: callbackId,
      private_metadata: 'origin',
      state: { values: {} },
      blocks: [],
    },
  };
}

function eventCallback(event: Record<string, unknown>) {
  return {
    type: 'event_callback',
    team_id: 'T1',
    api_app_id: 'A1',
    event_id: 'Ev1',
    event_time: 1,
    event,
  };
}

describe('Router', () => {
  it('GIVEN a /twin slash command THEN its handler runs once with the command', async () => {
    const { ran, send } = routedApp();
    expect(await send(slash('/twin', 'partners Prague'))).toBe(1);
    expect(ran).toEqual(['command partners Prague']);
  });

  it('GIVEN another slash command THEN it goes on to Bolt, where a listener of its own still answers', async () => {
    const { app, ran, send } = routedApp();
    app.command('/other', async ({ ack }) => {
      ran.push('bolt listener');
      await ack();
    });
    expect(await send(slash('/other', 'x'))).toBe(1);
    expect(ran).toEqual(['bolt listener']);
  });

  it('GIVEN a button press THEN the handler for its action id runs, and an unknown id reaches no handler', async () => {
    const { ran, send } = routedApp();
    await send(blockAction({ type: 'button', action_id: 'twin_share', value: 'page-ref' }));
    expect(await send(blockAction({ type: 'button', action_id: 'someone_elses', value: 'x' }))).toBe(0);
    expect(ran).toEqual(['button page-ref']);
  });

  it('GIVEN a block action that is not a button THEN no button handler runs, even with a routed id', async () => {
    const { ran, send } = routedApp();
    await send(
      blockAction({ type: 'static_select', action_id: 'twin_share', selected_option: { value: 'x' } }),
    );
    expect(ran).toEqual([]);
  });

  it('GIVEN a form submitted THEN the handler for its callback id runs; a closed form runs nothing', async () => {
    const { ran, send } = routedApp();
    await send(viewSubmission('twin_form'));
    await send(viewSubmission('twin_form', 'view_closed'));
    await send(viewSubmission('other_form'));
    expect(ran).toEqual(['form origin']);
  });

  it('GIVEN an app mention and a direct message THEN each reaches the handler for its event type', async () => {
    const { ran, send } = routedApp();
    await send(
      eventCallback({
        type: 'app_mention',
        text: '<@UBOT> partners Kitakami',
        user: 'U1',
        channel: 'C1',
        ts: '1.0',
      }),
    );
    await send(
      eventCallback({
        type: 'message',
        text: 'hi',
        user: 'U1',
        channel: 'D1',
        channel_type: 'im',
        ts: '2.0',
      }),
    );
    await send(
      eventCallback({ type: 'reaction_added', user: 'U1', reaction: 'tada', item: {}, event_ts: '3.0' }),
    );
    expect(ran).toEqual(['mention <@UBOT> partners Kitakami', 'message D1']);
  });
});
