// Country cells of the two lists that are misspelt or not a country name; each was read by hand.
export const COUNTRY_FIXES: Record<string, string> = {
  Grece: 'Greece',
  Island: 'Iceland', // Fredrikstad–Norðurþing: Norðurþing is in Iceland ("Island" in Norwegian)
  Japa: 'Japan',
  Kazakhstah: 'Kazakhstan',
  Madagaskar: 'Madagascar',
  'in Italy': 'Italy',
};
