import { afterEach, describe, expect, it } from 'vitest';
import { smallStore } from '../../fixtures/knowledge-base.ts';
import { hubWithPartners, type RunningBot, startBot } from './harness.ts';

let bot: RunningBot | undefined;

afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

interface Button {
  label: string;
  custom_id: string;
  disabled: boolean;
}

function buttons(data: { components: { components: Button[] }[] }): Record<string, Button> {
  return Object.fromEntries((data.components[0]?.components ?? []).map((b) => [b.label, b]));
}

describe('Discord: a year of anniversaries made a page at a time', () => {
  it('GIVEN 200 anniversaries in 2027 THEN Next and Previous run the neighbouring pages in place, and the pages hold all 200 once', async () => {
    bot = await startBot({ data: hubWithPartners(200) });
    const { id } = bot.fake.slashCommand({
      command: 'twin',
      subcommand: 'anniversaries',
      options: { window: '2027' },
    });
    let data = (await bot.fake.callbackOf(id)).body.data;
    expect(buttons(data).Previous?.disabled).toBe(true);
    expect(buttons(data).Next).toMatchObject({
      disabled: false,
      custom_id: 'twin:turn:anniversaries 2027 page 2',
    });
    const descriptions: string[] = [];
    const first = data.embeds[0];
    for (let page = 1; page <= 10; page++) {
      const description = data.embeds[0].description as string;
      expect(description).toContain(`(page ${page} of 10)`);
      descriptions.push(description);
      if (page === 10) break;
      const click = bot.fake.button({
        customId: (buttons(data).Next as Button).custom_id,
        message: { ...data, id: bot.fake.id(), flags: 64 },
      });
      const update = await bot.fake.callbackOf(click.id);
      expect(update.body.type).toBe(7);
      data = update.body.data;
    }
    expect(buttons(data).Next?.disabled).toBe(true);
    expect(buttons(data).Previous).toMatchObject({
      disabled: false,
      custom_id: 'twin:turn:anniversaries 2027 page 9',
    });
    const shown = descriptions.join('\n').match(/Partnerville \d+/g) ?? [];
    expect(shown).toHaveLength(200);
    expect(new Set(shown).size).toBe(200);

    let back = data;
    for (let page = 10; page > 1; page--) {
      const click = bot.fake.button({
        customId: (buttons(back).Previous as Button).custom_id,
        message: { ...back, id: bot.fake.id(), flags: 64 },
      });
      back = (await bot.fake.callbackOf(click.id)).body.data;
    }
    expect(back.embeds[0]).toEqual(first);
  });

  it('GIVEN a forged page button carrying a staff command, pressed by staff, THEN nothing runs and the store is unchanged', async () => {
    const member = { userId: '1100000000000000042' };
    bot = await startBot({
      data: { ...smallStore(), settings: { staff: [`discord:user:${member.userId}`] } },
    });
    const before = JSON.stringify(bot.store.catalog.data);
    const click = bot.fake.button({
      customId: 'twin:turn:home Prague',
      message: { id: bot.fake.id(), embeds: [], components: [] },
      member,
    });
    const answer = await bot.fake.callbackOf(click.id);
    expect(answer.body.data.flags).toBe(64);
    expect(JSON.stringify(answer.body.data.embeds)).toContain('cannot run this command');
    expect(JSON.stringify(bot.store.catalog.data)).toBe(before);
  });
});
