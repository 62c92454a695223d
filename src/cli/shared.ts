// What the `twinbot` entry and every command's bundle must share as one module, not copies: the
// error classes the entry recognises with `instanceof` (see scripts/build.ts).
export * from '../config-result.ts';
export * from '../store/errors.ts';
export * from './options.ts';
