import { webApi } from '@slack/bolt';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { drawPicture } from '../../../src/adapters/picture.ts';
import { type ApiCall, FakeSlack, type RespondCall } from '../../fakes/slack-api.ts';
import { buttonPress } from '../../fakes/slack-requests.ts';
import { BOT_TOKEN, blockTexts, buttons, type HttpHarness, startHttpHarness } from './harness.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
let harness: HttpHarness | undefined;
let fake: FakeSlack | undefined;

// The first picture loads the fonts and the rasterizer.
beforeAll(async () => {
  await drawPicture({ kind: 'anniversary-chart', year: 2000, months: [] }, 'en');
}, 30_000);

afterEach(async () => {
  await harness?.close();
  await fake?.close();
  harness = undefined;
  fake = undefined;
});

/** The answer that came through the command's response_url. */
async function answered(h: HttpHarness, responseId: string): Promise<RespondCall> {
  const [call] = await h.fake.waitFor((c) => c.kind === 'respond' && c.id === responseId, 1, 15_000);
  if (call?.kind !== 'respond') throw new Error('no answer');
  return call;
}

describe('Slack pictures (real Bolt against a fake Slack)', () => {
  it('GIVEN /twin timeline THEN the PNG is uploaded privately in three calls and the answer shows it in an image block', async () => {
    harness = await startHttpHarness();
    const acked = await harness.ask('timeline prague-cz shanghai-cn');
    expect(acked.status).toBe(200);
    const call = await answered(harness, acked.responseId);
    expect(call.error).toBeUndefined();
    expect(call.body.response_type).toBe('ephemeral');

    const [started] = harness.fake.apiCalls('files.getUploadURLExternal');
    expect(started?.error).toBeUndefined();
    expect(started?.args.filename).toMatch(/\.png$/);
    const [upload] = harness.fake.uploadCalls();
    expect(upload?.error).toBeUndefined();
    expect(upload?.bytes.length).toBe(Number(started?.args.length));
    expect([...(upload?.bytes.slice(0, 8) ?? [])]).toEqual(PNG_SIGNATURE);
    const [completed] = harness.fake.apiCalls('files.completeUploadExternal');
    expect(completed?.error).toBeUndefined();
    expect(completed?.args.files).toEqual([{ id: upload?.fileId, title: started?.args.filename }]);
    // Shared to no channel: the file stays private, and the ephemeral answer shows it to the asker alone.
    expect(completed?.args.channel_id).toBeUndefined();

    const blocks = call.body.blocks as { type: string; slack_file?: { id: string }; alt_text?: string }[];
    const image = blocks.find((b) => b.type === 'image');
    expect(image?.slack_file).toEqual({ id: upload?.fileId });
    expect(image?.alt_text).toContain('Timeline of the partnership of Prague and Shanghai');
    // The text answer beside it.
    expect(blockTexts(blocks).join('\n')).toContain('terminated by Shanghai');
  });

  it('GIVEN the Share button under a private answer with a picture THEN the channel gets the answer with the picture', async () => {
    harness = await startHttpHarness();
    const acked = await harness.ask('anniversaries chart 2027');
    const share = buttons((await answered(harness, acked.responseId)).body.blocks).get('twin_share');
    expect(share).toBeDefined();
    await harness.send(
      buttonPress({
        actionId: 'twin_share',
        value: share?.value ?? '',
        responseUrl: harness.fake.responseUrl(),
      }),
    );
    const posted = await harness.posted();
    const image = (posted.args.blocks as { type: string; slack_file?: { id: string } }[]).find(
      (b) => b.type === 'image',
    );
    const uploads = harness.fake.uploadCalls();
    expect(uploads).toHaveLength(2);
    expect(image?.slack_file).toEqual({ id: uploads[1]?.fileId });
  });

  it('GIVEN an app installed without files:write THEN the text answer goes out with a note, and the failure is logged', async () => {
    harness = await startHttpHarness(undefined, {
      scopes: ['commands', 'chat:write', 'users:read', 'channels:read', 'groups:read', 'im:read'],
    });
    const acked = await harness.ask('anniversaries chart 2027');
    const call = await answered(harness, acked.responseId);
    expect(call.error).toBeUndefined();
    const blocks = call.body.blocks as { type: string }[];
    expect(blocks.some((b) => b.type === 'image')).toBe(false);
    expect(blockTexts(blocks).join('\n')).toContain(
      'The picture could not be shown this time; the answer has the same facts in words.',
    );
    expect(harness.logs.some((line) => line.includes('could not upload a anniversary-chart'))).toBe(true);
  });

  it('GIVEN malformed uploads THEN the fake refuses them as Slack would', async () => {
    fake = await FakeSlack.start({ botToken: BOT_TOKEN });
    const client = new webApi.WebClient(BOT_TOKEN, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
    const refused = (call: Promise<unknown>) =>
      call.then(
        () => 'accepted',
        (error: { data?: { error?: string } }) => error.data?.error ?? 'refused',
      );
    // No length, and no file name.
    expect(await refused(client.files.getUploadURLExternal({ filename: 'map.png' } as never))).toBe(
      'invalid_arguments',
    );
    expect(await refused(client.files.getUploadURLExternal({ filename: '', length: 3 }))).toBe(
      'invalid_arguments',
    );
    // Completing an upload whose bytes never came, or one that was never started.
    const started = await client.files.getUploadURLExternal({ filename: 'map.png', length: 8 });
    const id = String(started.file_id);
    expect(await refused(client.files.completeUploadExternal({ files: [{ id }] }))).toBe(
      'file_upload_incomplete',
    );
    expect(await refused(client.files.completeUploadExternal({ files: [{ id: 'F0NOSUCH' }] }))).toBe(
      'file_not_found',
    );
    // Bytes that are not as many as announced, and bytes for an upload nobody started.
    const post = (url: string, bytes: number[]) =>
      fetch(url, { method: 'POST', body: new Uint8Array(bytes) }).then((res) => res.status);
    expect(await post(String(started.upload_url), [1, 2, 3])).toBe(400);
    expect(await post(`${fake.url}/upload/F0NOSUCH`, PNG_SIGNATURE)).toBe(404);
    // A message showing a file that was not completed.
    const image = { type: 'image', slack_file: { id }, alt_text: 'a map' };
    expect(
      await refused(client.chat.postMessage({ channel: 'C1', text: 'map', blocks: [image] as never })),
    ).toBe('invalid_blocks');
    // The same, done right, is accepted.
    expect(await post(String(started.upload_url), PNG_SIGNATURE)).toBe(200);
    expect(await refused(client.files.completeUploadExternal({ files: [{ id }] }))).toBe('accepted');
    expect(
      await refused(client.chat.postMessage({ channel: 'C1', text: 'map', blocks: [image] as never })),
    ).toBe('accepted');
    const refusedCalls = fake.calls.filter((c): c is ApiCall => c.kind === 'api' && c.error !== undefined);
    expect(refusedCalls.map((c) => c.error)).toEqual([
      'invalid_arguments',
      'invalid_arguments',
      'file_upload_incomplete',
      'file_not_found',
      'invalid_blocks',
    ]);
  });
});
