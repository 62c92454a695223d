/**
 * The load generator of the Slack benchmark, run in its own process so that signing requests and
 * checking answers never compete with the app under test for its event loop.
 * Usage: slack-load.ts PORT SIGNING_SECRET SECONDS CONNECTIONS EXPECTED TEXT...; prints one JSON line.
 */
import autocannon from 'autocannon';
import { signedHeaders, slashCommand } from '../fakes/slack-requests.ts';

const [port, secret, seconds, connections, expected, ...words] = process.argv.slice(2);
const text = words.join(' ');
let answered = 0;
const result = await autocannon({
  url: `http://127.0.0.1:${port}`,
  connections: Number(connections),
  duration: Number(seconds),
  requests: [
    {
      method: 'POST',
      path: '/slack/events',
      // Signed afresh: Bolt refuses a timestamp older than 5 minutes.
      setupRequest: (request) => {
        const command = slashCommand({ text, responseUrl: 'http://127.0.0.1:9/unused' });
        return { ...request, body: command.body, headers: signedHeaders(secret ?? '', command) };
      },
      onResponse: (status, body) => {
        if (status === 200 && (expected === 'ok' ? body === 'ok' : body.includes(expected ?? ''))) answered++;
      },
    },
  ],
});
process.stdout.write(
  `${JSON.stringify({
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
    answered,
  })}\n`,
);
