import { describe, expect, it } from 'vitest';
import { retiredDiscordVariables } from '../../../src/adapters/discord/settings.ts';

describe('retired Discord variables', () => {
  it.each(['1', '0', '', 'maybe'])(
    'GIVEN DISCORD_MESSAGE_CONTENT=%j still set THEN one notice that it is no longer needed, never a refusal',
    (value) => {
      const notices = retiredDiscordVariables({ DISCORD_MESSAGE_CONTENT: value });
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/DISCORD_MESSAGE_CONTENT is no longer needed/);
    },
  );

  it('GIVEN it is not set THEN nothing to say', () => {
    expect(retiredDiscordVariables({ DISCORD_TOKEN: 'x' })).toEqual([]);
  });
});
