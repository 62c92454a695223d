/**
 * The load generator of the Slack burst benchmark, in its own process: N signed `/twin <text>`
 * requests fired at once, each on a connection of its own, and a response_url sink that records
 * when each later answer arrives. Prints one JSON line.
 * Usage: slack-burst.ts PORT SIGNING_SECRET EXPECTED < texts.json (one text per request)
 */
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signedHeaders, slashCommand } from './slack-requests.ts';

const [port, secret, expected] = process.argv.slice(2);
const texts = JSON.parse(await new Response(process.stdin as unknown as ReadableStream).text()) as string[];
const ANSWER_WAIT_MS = 60_000;

const started = new Map<string, number>();
const answeredAt = new Map<string, number>();
let allAnswered: () => void = () => {};
const everyAnswer = new Promise<void>((resolve) => {
  allAnswered = resolve;
});

const sink = createServer((req, res) => {
  const id = (req.url ?? '').split('/').pop() ?? '';
  let body = '';
  req.on('data', (chunk: Buffer) => {
    body += chunk.toString();
  });
  req.on('end', () => {
    if (body.includes(expected ?? '') && !answeredAt.has(id)) answeredAt.set(id, performance.now());
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    if (answeredAt.size === texts.length) allAnswered();
  });
});
await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/respond`;

interface Ack {
  ms: number;
  status: number;
}

function send(id: string, text: string): Promise<Ack> {
  const command = slashCommand({ text, responseUrl: `${sinkUrl}/${id}` });
  const headers = signedHeaders(secret ?? '', command);
  return new Promise((resolve) => {
    const t0 = performance.now();
    started.set(id, t0);
    const req = request(
      { host: '127.0.0.1', port: Number(port), path: '/slack/events', method: 'POST', headers, agent: false },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        res.on('end', () => {
          const now = performance.now();
          if (res.statusCode === 200 && body.includes(expected ?? '')) {
            answeredAt.set(id, now);
            if (answeredAt.size === texts.length) allAnswered();
          }
          resolve({ ms: now - t0, status: res.statusCode ?? 0 });
        });
      },
    );
    req.on('error', () => resolve({ ms: performance.now() - t0, status: 0 }));
    req.end(command.body);
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const acks = await Promise.all(texts.map((text, i) => send(String(i), text)));
await Promise.race([everyAnswer, new Promise((resolve) => setTimeout(resolve, ANSWER_WAIT_MS))]);
const ackMs = acks.map((a) => a.ms);
const answerMs = [...answeredAt].map(([id, at]) => at - (started.get(id) ?? at));
process.stdout.write(
  `${JSON.stringify({
    requests: texts.length,
    ok: acks.filter((a) => a.status === 200).length,
    ackP50: Math.round(percentile(ackMs, 50)),
    ackP99: Math.round(percentile(ackMs, 99)),
    ackMax: Math.round(Math.max(...ackMs)),
    ackLate: ackMs.filter((ms) => ms > 3000).length,
    answered: answeredAt.size,
    answerP99: Math.round(percentile(answerMs, 99)),
  })}\n`,
);
sink.close();
process.exit(0);
