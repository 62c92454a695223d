import { describe, expect, it } from 'vitest';
import { LEVEL } from '../../fixtures/captured-log.ts';
import { startBot, TOKEN } from './harness.ts';

describe('discord.js logs routed into ours', () => {
  it("GIVEN LOG_LEVEL debug THEN discord.js's and @discordjs/ws's debug lines reach our logger as debug lines, without the token", async () => {
    const bot = await startBot({ logLevel: 'debug' });
    await bot.close();
    const debug = bot.captured
      .records()
      .filter((r) => r.level === LEVEL.debug && r.msg.startsWith('discord: '));
    // The gateway's own words: @discordjs/ws reports its connection steps.
    expect(debug.map((r) => r.msg).join('\n')).toMatch(
      /Preparing to connect to the gateway|Connecting to|Identifying/i,
    );
    expect(bot.captured.raw()).not.toContain(TOKEN);
    expect(bot.captured.raw()).not.toContain(TOKEN.split('.')[2]);
  });

  it('GIVEN the default level THEN none of their debug lines are written', async () => {
    const bot = await startBot();
    await bot.close();
    expect(bot.captured.records().filter((r) => r.level === LEVEL.debug)).toEqual([]);
    expect(bot.logs.join('\n')).toContain('discord: connected as');
  });
});
