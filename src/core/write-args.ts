import type { ArgDecl } from './command.ts';

/** Words people use for a relationship type besides its stored name. */
export const TYPE_SYNONYMS: Record<string, string> = {
  sister: 'sister_city',
  sister_cities: 'sister_city',
  twin: 'twin_town',
  twin_city: 'twin_town',
  twinning: 'twin_town',
  partner: 'partner_city',
  partnership: 'partner_city',
  friendship: 'friendship_city',
  mou: 'cooperation_mou',
};

/** Words people use for a milestone besides its stored name. */
export const MILESTONE_SYNONYMS: Record<string, string> = {
  signed: 'signing',
  signature: 'signing',
  renewed: 'renewal',
  suspended: 'suspension',
  resumed: 'resumption',
  terminated: 'termination',
  rejection: 'council_rejection',
  rejected: 'council_rejection',
  approval: 'council_approval',
  approved: 'council_approval',
  objected: 'objection',
  dispute: 'objection',
  disputed: 'objection',
  phaseout: 'phase_out',
  historic: 'historic_tie',
  proposed: 'proposal',
};

export const SOURCE_ARG = {
  name: 'source',
  kind: 'url',
  keyword: 'source',
  required: false,
} as const satisfies ArgDecl;
