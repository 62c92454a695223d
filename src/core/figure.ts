import type { FuzzyDate } from '../domain/fuzzy-date.ts';
import type { MilestoneKind } from '../domain/partnership.ts';

/**
 * What an answer shows as a picture, as plain data: handlers build it from the store (names already
 * in the reader's language), src/render/pictures draws it. Being data, a figure is also the key of
 * the picture cache: the same figure in the same language is drawn once.
 */
export type Figure = PartnerMap | AgreementTimeline | AnniversaryChart;

/** A city on the map: its name as the reader reads it, and where it lies. */
export interface MapPlace {
  id: string;
  name: string;
  lat: number;
  lon: number;
}

/**
 * How a tie is drawn, from the partnership's derived status. `ended-by-city`: the mapped city ended
 * it; `ended-by-partner`: the partner did; `ended`: both, or the side is not recorded (a council
 * rejection too); `planned`: proposed or approved; `listed`: known only from a list, without dates.
 */
export type TieStyle =
  | 'in-force'
  | 'phasing-out'
  | 'planned'
  | 'suspended'
  | 'disputed'
  | 'ended-by-city'
  | 'ended-by-partner'
  | 'ended'
  | 'listed';

/**
 * `map <city>`: the city, the partners that have coordinates, and the names of those that have none;
 * for a hub, only as many as a picture can show, with counts of the rest.
 */
export interface PartnerMap {
  kind: 'map';
  city: MapPlace;
  ties: readonly { partner: MapPlace; style: TieStyle }[];
  /** Partners with coordinates past those in `ties`, left off the picture; absent when none is. */
  moreTies?: number;
  /** Partners without coordinates: listed beside the map, never placed. */
  unplaced: readonly string[];
  /** Partners without coordinates past those named in `unplaced`; absent when none is. */
  moreUnplaced?: number;
}

/** `timeline <city> <city>`: the agreement's milestones in date order. */
export interface AgreementTimeline {
  kind: 'timeline';
  /** The two cities' names, in the partnership's order. */
  cities: readonly [string, string];
  milestones: readonly {
    kind: MilestoneKind;
    /** A day, a month or a year: month- and year-only dates are drawn as spans. */
    date: FuzzyDate;
    /** The city that acted alone (an index into `cities`); absent when both did. */
    side?: 0 | 1;
  }[];
  /** The day the question was answered (ISO), where the axis ends. */
  today: string;
}

/** `anniversaries chart [YYYY]`: partnerships in force with an anniversary in each month of a year. */
export interface AnniversaryChart {
  kind: 'anniversary-chart';
  year: number;
  /** Twelve entries, January first. `milestones` counts the 10th, 25th, 50th ... within `total`. */
  months: readonly { month: number; total: number; milestones: number }[];
}
