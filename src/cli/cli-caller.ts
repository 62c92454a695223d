import { userInfo } from 'node:os';
import type { Caller } from '../core/caller.ts';
import type { Lang } from '../i18n/languages.ts';

/** Whoever runs the CLI owns the file, so they act as staff under their login name. */
export const cliCaller = (lang?: Lang): Caller => ({
  platform: 'cli',
  userId: userInfo().username,
  ...(lang && { lang }),
});
