import { afterEach, describe, expect, it } from 'vitest';
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

describe('Discord paging of long answers', () => {
  it('GIVEN 200 partners THEN pages Discord accepts, Next updates to page 2, and the pages hold all 200', async () => {
    bot = await startBot({ data: hubWithPartners(200) });
    const { id } = bot.fake.slashCommand({
      command: 'twin',
      subcommand: 'partners',
      options: { city: 'hub-de' },
    });
    const first = await bot.fake.callbackOf(id);
    expect(first.status).toBe(204);
    let data = first.body.data;
    const total = Number(/Page 1 of (\d+)/.exec(data.embeds[0].footer.text)?.[1]);
    expect(total).toBeGreaterThan(1);
    expect(buttons(data).Previous?.disabled).toBe(true);
    expect(buttons(data).Next?.disabled).toBe(false);

    const descriptions = [data.embeds[0].description as string];
    for (let page = 2; page <= total; page++) {
      const next = buttons(data).Next as Button;
      const click = bot.fake.button({
        customId: next.custom_id,
        message: { ...data, id: bot.fake.id(), flags: 64 },
      });
      const update = await bot.fake.callbackOf(click.id);
      expect(update.status).toBe(204);
      expect(update.body.type).toBe(7);
      expect(update.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
      data = update.body.data;
      expect(data.embeds[0].footer.text).toBe(`Page ${page} of ${total}`);
      descriptions.push(data.embeds[0].description);
    }
    expect(buttons(data).Next?.disabled).toBe(true);
    const shown = descriptions.join('\n').match(/Partnerville \d+/g) ?? [];
    expect(new Set(shown).size).toBe(200);
    expect(shown).toHaveLength(200);
  });

  it('GIVEN Previous on page 2 THEN back to page 1', async () => {
    bot = await startBot({ data: hubWithPartners(200) });
    const { id } = bot.fake.slashCommand({
      command: 'twin',
      subcommand: 'partners',
      options: { city: 'hub-de' },
    });
    const first = (await bot.fake.callbackOf(id)).body.data;
    const toTwo = bot.fake.button({
      customId: (buttons(first).Next as Button).custom_id,
      message: { ...first, id: '1' },
    });
    const second = (await bot.fake.callbackOf(toTwo.id)).body.data;
    const back = bot.fake.button({
      customId: (buttons(second).Previous as Button).custom_id,
      message: { ...second, id: '1' },
    });
    const again = (await bot.fake.callbackOf(back.id)).body.data;
    expect(again.embeds[0]).toEqual(first.embeds[0]);
  });

  it('GIVEN a page button whose pages are no longer kept THEN an ephemeral note to run the command again', async () => {
    bot = await startBot();
    const click = bot.fake.button({
      customId: 'twin:page:1234567890:1',
      message: { id: '1', embeds: [{ title: 'old' }] },
    });
    const call = await bot.fake.callbackOf(click.id);
    expect(call.body.type).toBe(4);
    expect(call.body.data.flags).toBe(64);
    expect(call.body.data.embeds[0].description).toContain('Run the command again');
  });
});
