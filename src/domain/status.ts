import { dayKey, earliestKey } from './fuzzy-date.ts';
import type { Milestone, MilestoneKind, Partnership } from './partnership.ts';

export const STATUSES = [
  'proposed',
  'approved',
  'active',
  'suspended',
  'phasing_out',
  'terminated',
  'rejected',
  'disputed',
] as const;

export type Status = (typeof STATUSES)[number];
/** A side's own stance; `disputed` only arises when the two stances differ. */
export type SideStatus = Exclude<Status, 'disputed'> | 'none';

export interface DerivedStatus {
  status: Status | 'none';
  /**
   * Each city's stance, in the order of the partnership's `cities`. Not an object keyed by city id:
   * V8 gives every new pair of keys its own hidden class, and this runs for every partner listed.
   */
  sides: readonly [SideStatus, SideStatus];
  /** The milestone that set the current status, and who acted alone in it, if anyone. */
  decisive?: Milestone;
  /** The side that contests the other's act, when disputed. */
  objection?: Milestone;
}

const EFFECT: Partial<Record<MilestoneKind, SideStatus>> = {
  proposal: 'proposed',
  council_approval: 'approved',
  council_rejection: 'rejected',
  mou: 'active',
  signing: 'active',
  renewal: 'active',
  resumption: 'active',
  suspension: 'suspended',
  phase_out: 'phasing_out',
  termination: 'terminated',
};

/**
 * The status of a partnership from its milestones, per side. A city's approval binds only that city;
 * any other act by one city applies to both until the other city records an objection, which restores
 * the objecting side's stance from before that act and makes the partnership disputed.
 * With `asOf`, only milestones dated on or before that day count (a fuzzy date counts from its first
 * day; an undated milestone counts where it stands in the list).
 */
export function deriveStatus(
  partnership: Partnership,
  asOf?: { year: number; month: number; day: number },
): DerivedStatus {
  const [a, b] = partnership.cities;
  // Two plain variables rather than a record keyed by city id: this runs for every partner of every
  // answer, and records with computed keys are slow to build.
  let sa: SideStatus = 'none';
  let sb: SideStatus = 'none';
  let beforeA: SideStatus = 'none';
  let beforeB: SideStatus = 'none';
  let decisive: Milestone | undefined;
  let objection: Milestone | undefined;
  const limit = asOf && dayKey(asOf);

  for (const milestone of partnership.milestones) {
    if (limit !== undefined && milestone.date !== undefined && earliestKey(milestone.date) > limit) break;
    const by = milestone.by;
    if (milestone.kind === 'objection') {
      if (by === undefined) continue;
      if (by === a) sa = beforeA;
      else if (by === b) sb = beforeB;
      objection = milestone;
      continue;
    }
    const effect = EFFECT[milestone.kind];
    if (effect === undefined) continue;
    if (by !== undefined && milestone.kind === 'council_approval') {
      if (by === a) sa = effect;
      else if (by === b) sb = effect;
    } else {
      if (by !== undefined) {
        beforeA = sa;
        beforeB = sb;
      }
      sa = effect;
      sb = effect;
      objection = undefined;
    }
    decisive = milestone;
  }

  let status: Status | 'none';
  if (sa === sb) status = sa;
  else if (objection) status = 'disputed';
  else status = sa === 'none' || sb === 'none' ? (sa === 'none' ? sb : sa) : 'proposed';
  return {
    status,
    sides: [sa, sb],
    ...(decisive && { decisive }),
    ...(objection && status === 'disputed' && { objection }),
  };
}

/** Whether a partnership in this status is worth celebrating: in force, or in force by one side's account. */
export function isCelebrated(status: Status | 'none'): status is 'active' | 'disputed' {
  return status === 'active' || status === 'disputed';
}
