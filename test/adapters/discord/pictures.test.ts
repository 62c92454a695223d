import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { drawPicture } from '../../../src/adapters/picture.ts';
import { type RunningBot, startBot, TOKEN } from './harness.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
let bot: RunningBot | undefined;

// The first picture loads the fonts and the rasterizer; later ones take a fraction of Discord's 3 s.
beforeAll(async () => {
  await drawPicture({ kind: 'anniversary-chart', year: 2000, months: [] }, 'en');
}, 30_000);

afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

/** A message with one file, sent as discord.js sends one: payload_json and files[0]. */
function multipart(payload: object, file?: { field: string; name: string }): FormData {
  const form = new FormData();
  form.append('payload_json', JSON.stringify(payload));
  if (file)
    form.append(file.field, new Blob([new Uint8Array(PNG_SIGNATURE)], { type: 'image/png' }), file.name);
  return form;
}

describe('Discord pictures (real discord.js against a fake Discord)', () => {
  it('GIVEN /twin timeline THEN deferred at once, then one multipart answer: the PNG attached and shown as the embed image, with its alt text', async () => {
    bot = await startBot();
    const { id } = bot.fake.slashCommand({
      command: 'twin',
      subcommand: 'timeline',
      options: { city: 'prague-cz', with: 'shanghai-cn' },
    });
    expect((await bot.fake.callbackOf(id)).body).toEqual({ type: 5, data: { flags: 64 } });
    const call = await bot.fake.waitFor((c) => c.files !== undefined, 15_000);
    expect([call.method, call.path]).toEqual(['PATCH', expect.stringMatching(/messages\/@original$/)]);
    expect(call.status).toBeLessThan(300);
    expect(call.files).toHaveLength(1);
    const [file] = call.files ?? [];
    expect(file?.field).toBe('files[0]');
    expect(file?.name).toMatch(/\.png$/);
    expect([...(file?.bytes.slice(0, 8) ?? [])]).toEqual(PNG_SIGNATURE);
    const data = call.body;
    expect(data.embeds[0].title).toBe('Timeline: Prague – Shanghai');
    expect(data.embeds[0].image).toEqual({ url: `attachment://${file?.name}` });
    expect(data.attachments).toMatchObject([
      { id: '0', description: expect.stringContaining('Timeline of the partnership of Prague and Shanghai') },
    ]);
  });

  it('GIVEN a mention asking for a chart THEN the reply message carries the PNG as its embed image', async () => {
    bot = await startBot();
    bot.fake.message({ content: `<@${bot.fake.botUserId}> anniversaries chart 2027` });
    const post = await bot.fake.waitFor(
      (c) => c.method === 'POST' && c.path === '/channels/1400000000000000001/messages',
      15_000,
    );
    expect(post.status).toBe(200);
    expect(post.files?.map((f) => f.field)).toEqual(['files[0]']);
    expect(post.body.embeds[0].image).toEqual({ url: `attachment://${post.files?.[0]?.name}` });
  });

  it('GIVEN a drawing that fails THEN the text answer goes out alone, with a note, and the failure is logged', async () => {
    bot = await startBot({ draw: () => Promise.reject(new Error('no fonts today')) });
    bot.fake.slashCommand({
      command: 'twin',
      subcommand: 'anniversaries-chart',
      options: { year: '2027' },
    });
    const call = await bot.fake.waitFor((c) => c.method === 'PATCH', 15_000);
    expect(call.status).toBe(200);
    expect(call.files).toBeUndefined();
    expect(call.body.embeds[0].title).toBe('Anniversaries by month in 2027');
    expect(call.body.embeds[0].footer.text).toContain(
      'The picture could not be shown this time; the answer has the same facts in words.',
    );
    expect(
      bot.logs.some((line) => line.includes('picture: could not draw a anniversary-chart: no fonts today')),
    ).toBe(true);
  });

  it('GIVEN a malformed multipart message THEN the fake refuses it as Discord would', async () => {
    bot = await startBot();
    const url = `${bot.fake.apiUrl}/v10/channels/1400000000000000001/messages`;
    const send = async (form: FormData) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { Authorization: `Bot ${TOKEN}` },
        body: form,
      });
      return { status: res.status, body: (await res.json()) as { code: number } };
    };
    const embed = (name: string) => ({ embeds: [{ title: 'Map', image: { url: `attachment://${name}` } }] });
    // The embed shows a file that was not uploaded.
    expect(await send(multipart(embed('map.png'), { field: 'files[0]', name: 'other.png' }))).toMatchObject({
      status: 400,
      body: { code: 50035 },
    });
    // An attachment entry for a file part that is not there.
    expect(
      await send(
        multipart(
          { ...embed('map.png'), attachments: [{ id: '1' }] },
          { field: 'files[0]', name: 'map.png' },
        ),
      ),
    ).toMatchObject({ status: 400, body: { code: 50035 } });
    // A file part under another name than files[n].
    expect(await send(multipart(embed('map.png'), { field: 'picture', name: 'map.png' }))).toMatchObject({
      status: 400,
      body: { code: 50035 },
    });
    // Without payload_json.
    const bare = new FormData();
    bare.append('files[0]', new Blob([new Uint8Array(PNG_SIGNATURE)]), 'map.png');
    expect(await send(bare)).toMatchObject({ status: 400, body: { code: 50035 } });
    // And the well-formed one is accepted.
    expect((await send(multipart(embed('map.png'), { field: 'files[0]', name: 'map.png' }))).status).toBe(
      200,
    );
  });
});
