import { type Lang, langOfTag } from '../../i18n/languages.ts';

/**
 * Each server's own language (Discord's `guild_locale`), for reminders posted when no interaction is at
 * hand: the guild object's, which discord.js keeps current, else the last interaction's there (a bot
 * added with commands only is sent no guild object). Tags we have no catalog for are ignored.
 */
export class GuildLocales {
  private readonly known = new Map<string, Lang>();

  constructor(private readonly guildObjectLocale: (guildId: string) => string | undefined) {}

  learn(guildId: string | null | undefined, tag: string | null | undefined): void {
    const lang = langOfTag(tag ?? undefined);
    if (guildId && lang) this.known.set(guildId, lang);
  }

  of(guildId: string): Lang | undefined {
    return langOfTag(this.guildObjectLocale(guildId)) ?? this.known.get(guildId);
  }
}
