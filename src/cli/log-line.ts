/** Operational log lines go to stderr with a timestamp; nothing secret is ever passed in. */
export function logLine(line: string): void {
  process.stderr.write(`${new Date().toISOString()} ${line}\n`);
}
