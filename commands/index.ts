import type { Command } from '../src/core/command.ts';
import { add } from './add.ts';
import { agreement } from './agreement.ts';
import { alias } from './alias.ts';
import { anniversaries } from './anniversaries.ts';
import { anniversariesChart } from './anniversaries-chart.ts';
import { city } from './city.ts';
import { citySet } from './city-set.ts';
import { help } from './help.ts';
import { history } from './history.ts';
import { home } from './home.ts';
import { language } from './language.ts';
import { map } from './map.ts';
import { partners } from './partners.ts';
import { record } from './record.ts';
import { remind } from './remind.ts';
import { reminders } from './reminders.ts';
import { remove } from './remove.ts';
import { search } from './search.ts';
import { staff } from './staff.ts';
import { timeline } from './timeline.ts';
import { undo } from './undo.ts';
import { world } from './world.ts';

/** Every shared command, in the order `help` lists them. */
export const commands: readonly Command[] = [
  help,
  city,
  partners,
  map,
  agreement,
  timeline,
  anniversaries,
  anniversariesChart,
  search,
  add,
  record,
  remove,
  alias,
  citySet,
  home,
  staff,
  history,
  undo,
  world,
  remind,
  reminders,
  language,
];
