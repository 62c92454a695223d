import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const LOAD_SCRIPT = fileURLToPath(new URL('./slack-burst.ts', import.meta.url));

/** What a burst measured: ack times, and when every answer had arrived (in the ack or after it). */
export interface Burst {
  requests: number;
  ok: number;
  ackP50: number;
  ackP99: number;
  ackMax: number;
  ackLate: number;
  answered: number;
  answerP99: number;
}

/**
 * Fires one signed `/twin <text>` per text at once from another process (slack-burst.ts), so the
 * client never shares an event loop with the app it measures; `expected` marks an answer.
 */
export function burst(
  port: number,
  secret: string,
  texts: readonly string[],
  expected: string,
): Promise<Burst> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', LOAD_SCRIPT, String(port), secret, expected],
      { maxBuffer: 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout) as Burst)),
    );
    child.stdin?.end(JSON.stringify(texts));
  });
}
