import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import type { Caller } from '../core/caller.ts';
import type { Dispatcher } from '../core/dispatcher.ts';
import { type Logger, silentLogger } from '../core/logger.ts';
import type { Lang } from '../i18n/languages.ts';
import { translator } from '../i18n/translator.ts';
import { renderPlain } from '../render/plain.ts';
import { type DrawPicture, drawFor, drawPicture } from './picture.ts';
import { savePicture, splitOut } from './picture-file.ts';

export interface ShellOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A person at a terminal gets a prompt and history; piped input is answered line by line. */
  interactive: boolean;
  /** Ends the shell (a stop signal): the line being answered is finished, no further line is read. */
  signal?: AbortSignal;
  /** The operator's language (`--lang`, else the shell's); English if not given. */
  lang?: Lang;
  /** Draws the pictures of answers that have one (maps, timelines, charts); the real renderer unless given. */
  draw?: DrawPicture;
  /** Where a failed drawing is reported; the operator also reads a note under the answer. */
  log?: Logger;
}

const EXIT_WORDS = new Set(['exit', 'quit', '.exit']);

/** The operator at the terminal; reminders set up here (`console`) are printed in this terminal. */
export function shellCaller(lang?: Lang): Caller {
  return {
    platform: 'shell',
    ...(lang && { lang }),
    userId: userInfo().username,
    channel: 'console',
    // The terminal is always there to print in.
    canPostHere: async () => ({ canPost: true }),
  };
}

/** The local shell: the same dispatcher as every platform, with the operator as staff. */
export async function runShell(dispatcher: Dispatcher, options: ShellOptions): Promise<void> {
  const caller = shellCaller(options.lang);
  const rl = createInterface({
    input: options.input,
    output: options.interactive ? options.output : undefined,
    terminal: options.interactive,
    historySize: 200,
    prompt: 'twinbot> ',
  });
  const write = (text: string) => options.output.write(`${text}\n`);
  options.signal?.addEventListener('abort', () => rl.close(), { once: true });
  if (options.interactive) {
    write(translator(options.lang ?? 'en').t('ui.welcome'));
    rl.prompt();
  }
  for await (const line of rl) {
    const text = line.trim();
    if (EXIT_WORDS.has(text.toLowerCase())) break;
    if (text !== '') write(await answerLine(dispatcher, text, caller, options));
    if (options.interactive) rl.prompt();
  }
  rl.close();
}

/** The answer in plain text, then where its picture was saved (`--out FILE` at the end of the line chooses). */
async function answerLine(dispatcher: Dispatcher, line: string, caller: Caller, options: ShellOptions) {
  const { text, out } = splitOut(line);
  const reply = await dispatcher.answerText(text, caller);
  const { reply: shown, picture } = await drawFor(
    reply,
    options.draw ?? drawPicture,
    options.log ?? silentLogger,
  );
  const saved = picture && (await savePicture(picture, shown.lang ?? 'en', out));
  return `${renderPlain(shown)}${saved ? `\n${saved.line}` : ''}\n`;
}
