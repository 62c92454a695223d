import { userInfo } from 'node:os';
import type { Caller } from '../core/caller.ts';

/** Whoever runs the CLI owns the file, so they act as staff under their login name. */
export const cliCaller = (): Caller => ({ platform: 'cli', userId: userInfo().username });
