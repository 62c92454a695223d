import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runShell } from '../../src/adapters/shell.ts';
import { dispatcherFor } from '../fixtures/knowledge-base.ts';

function collect(stream: PassThrough): () => string {
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return () => text;
}

describe('runShell', () => {
  it('GIVEN a person at a terminal THEN greets, prompts, answers, and stops at exit without reading further', async () => {
    const { dispatcher } = await dispatcherFor();
    const input = new PassThrough();
    const output = new PassThrough();
    const printed = collect(output);
    const done = runShell(dispatcher, { input, output, interactive: true });
    input.write('partners kitakami\n');
    input.write('exit\n');
    input.write('city prague\n');
    await done;
    expect(printed()).toContain('Type `help`');
    expect(printed()).toContain('twinbot> ');
    expect(printed()).toContain('Partner cities of Kitakami');
    expect(printed()).not.toContain('Prague, Czechia');
  });

  it('GIVEN a Czech operator at a terminal THEN the greeting is in Czech', async () => {
    const { dispatcher } = await dispatcherFor();
    const input = new PassThrough();
    const output = new PassThrough();
    const printed = collect(output);
    const done = runShell(dispatcher, { input, output, interactive: true, lang: 'cs' });
    input.end('exit\n');
    await done;
    expect(printed()).toContain(
      'Bot partnerských měst: ptejte se na partnerská města, výročí a dohody. Zadejte `help`, nebo `exit` pro ukončení.',
    );
  });

  it('GIVEN piped input THEN answers every line without prompts and ends with the input', async () => {
    const { dispatcher } = await dispatcherFor();
    const input = new PassThrough();
    const output = new PassThrough();
    const printed = collect(output);
    const done = runShell(dispatcher, { input, output, interactive: false });
    input.end('city rzeszow\n\nhome Prague\npartners\n');
    await done;
    expect(printed()).not.toContain('twinbot> ');
    expect(printed()).toContain('Rzeszów, Poland');
    expect(printed()).toContain('The home city is now Prague');
    expect(printed()).toContain('Partner cities of Prague');
  });
});
