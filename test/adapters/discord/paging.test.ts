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
  it('GIVEN 200 partners THEN pages of 20 Discord accepts, Next runs the next page in place, and the pages hold all 200 once, in order', async () => {
    bot = await startBot({ data: hubWithPartners(200) });
    const { id } = bot.fake.slashCommand({
      command: 'twin',
      subcommand: 'partners',
      options: { city: 'hub-de' },
    });
    const first = await bot.fake.callbackOf(id);
    expect(first.status).toBe(204);
    let data = first.body.data;
    expect(buttons(data).Previous?.disabled).toBe(true);
    expect(buttons(data).Next).toMatchObject({
      disabled: false,
      custom_id: 'twin:turn:partners hub-de page 2',
    });

    const descriptions: string[] = [];
    for (let page = 1; page <= 10; page++) {
      const description = data.embeds[0].description as string;
      expect(description).toContain(
        `200 recorded, shown here ${page * 20 - 19} to ${page * 20} (page ${page} of 10).`,
      );
      descriptions.push(description);
      if (page === 10) break;
      const click = bot.fake.button({
        customId: (buttons(data).Next as Button).custom_id,
        message: { ...data, id: bot.fake.id(), flags: 64 },
      });
      const update = await bot.fake.callbackOf(click.id);
      expect(update.status).toBe(204);
      expect(update.body.type).toBe(7);
      expect(update.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
      data = update.body.data;
    }
    expect(buttons(data).Next?.disabled).toBe(true);
    expect(buttons(data).Previous?.custom_id).toBe('twin:turn:partners hub-de page 9');
    const shown = descriptions.join('\n').match(/Partnerville \d+/g) ?? [];
    expect(new Set(shown).size).toBe(200);
    expect(shown).toHaveLength(200);
    const byName = new Intl.Collator('en');
    expect(shown).toEqual([...shown].sort(byName.compare));
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
