import type { Command } from '../src/core/command.ts';
import { agreement } from './agreement.ts';
import { anniversaries } from './anniversaries.ts';
import { city } from './city.ts';
import { help } from './help.ts';
import { home } from './home.ts';
import { partners } from './partners.ts';
import { remind } from './remind.ts';
import { reminders } from './reminders.ts';
import { search } from './search.ts';

/** Every shared command, in the order `help` lists them. */
export const commands: readonly Command[] = [
  help,
  city,
  partners,
  agreement,
  anniversaries,
  search,
  home,
  remind,
  reminders,
];
