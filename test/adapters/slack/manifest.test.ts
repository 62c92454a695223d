import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SLASH_COMMAND } from '../../../src/adapters/slack/pages.ts';

const manifest = JSON.parse(
  await readFile(new URL('../../../src/adapters/slack/manifest.json', import.meta.url), 'utf8'),
);

describe('Slack app manifest', () => {
  it('GIVEN the manifest THEN it declares the slash command the adapter listens to', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([
      SLASH_COMMAND,
    ]);
  });

  it('GIVEN the manifest THEN it asks for exactly the scopes and events the adapter uses', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual([
      'commands',
      'chat:write',
      'app_mentions:read',
      'im:history',
      // conversations.info, for `remind here` to check that the bot can post in the channel.
      'channels:read',
      'groups:read',
      'im:read',
      'mpim:read',
      // users.info with include_locale, to answer each person in their own language.
      'users:read',
      // files.uploadV2, for the picture of a map, timeline or chart shown in the answer.
      'files:write',
    ]);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_mention', 'message.im']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
  });

  it('GIVEN `/twin staff add @ana` THEN Slack is asked to send the mention as a user id (escaped), which the staff list needs', () => {
    expect(manifest.features.slash_commands[0].should_escape).toBe(true);
  });

  it('GIVEN HTTP mode THEN every request URL points at the endpoint Bolt serves', () => {
    const urls = [
      manifest.features.slash_commands[0].url,
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe('/slack/events');
  });
});
