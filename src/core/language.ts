/** Made on first use: loading the runtime's language names costs a command that never needs them. */
let names: Intl.DisplayNames | undefined;

/**
 * A BCP 47 tag with a two-letter language the runtime knows by name: `cs`, `zh-Hant`, `ja`; not `xx`.
 * Three-letter codes are left out because too many are also words (`new`, `and`).
 */
export function isLanguageTag(text: string): boolean {
  if (!/^[a-z]{2}(?:-[A-Za-z0-9]{2,8})*$/.test(text)) return false;
  try {
    names ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    return names.of(text) !== undefined;
  } catch {
    return false;
  }
}
