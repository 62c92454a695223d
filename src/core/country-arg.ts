import { toCountryCode } from '../domain/country.ts';
import { foldName } from '../domain/names.ts';
import { countryNamed } from './question/countries.ts';

/**
 * A country argument as typed: its ISO code ("PL", "POL") or its name in any of our languages
 * ("Poland", "Polen", "Pologne", "Polsko", "ポーランド", "波兰"); undefined when it names none.
 */
export function readCountryCode(text: string): string | undefined {
  return toCountryCode(text) ?? countryNamed(foldName(text));
}
