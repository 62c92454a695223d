import type { Invocation } from '../../../src/core/parse-command.ts';

/** The commands a question should run, as the question tests write them. */
export const partners = (city?: string): Invocation => ({ command: 'partners', args: city ? { city } : {} });
export const partnersIn = (city: string, country: string, any = false): Invocation => ({
  command: 'partners',
  args: { city, country },
  ...(any && { asks: 'any' as const }),
});
export const city = (id: string): Invocation => ({ command: 'city', args: { city: id } });
export const agreement = (a: string, b: string): Invocation => ({
  command: 'agreement',
  args: { city: a, with: b },
});
export const stillActive = (a: string, b: string): Invocation => ({ ...agreement(a, b), asks: 'in-force' });
export const endedBy = (a: string, b: string): Invocation => ({ ...agreement(a, b), asks: 'ended-by-first' });
export const ended = (a: string, b: string): Invocation => ({ ...agreement(a, b), asks: 'ended' });
export const since = (a: string, b: string): Invocation => ({ ...agreement(a, b), focus: 'since' });
