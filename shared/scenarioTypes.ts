import type { NationId, RegionId, ResourceProfile } from './types.ts';

// The vocabulary of scenarios: nations, regions, the hex map, the teacher's brief and class plans. Re-exported by ./types.ts.

export interface ScenarioNation {
  id: NationId;
  name: string;
  /** Colour-blind-safe palette entry, and a pattern name so colour is never the only cue. */
  color: string;
  pattern: 'solid' | 'stripes' | 'dots' | 'grid' | 'waves' | 'checks' | 'cross' | 'zigzag';
  resources: ResourceProfile;
  economy: number;
  military: number;
  stability: number;
  reputation: number;
  /** How exposed the nation is to the revisionist power (0..100): frontier nations are hit more often. */
  exposure: number;
  /** The situation paragraph of the nation's role sheet. */
  blurb: string;
}

export interface ScenarioRegion {
  id: RegionId;
  name: string;
  owner: NationId;
  /** Home (core) regions are covered by a 'home' scope; outlying ones only by 'anywhere'. */
  core: boolean;
  capital?: boolean;
  /** The letter that marks this region's cells in the scenario's map. */
  letter: string;
}

export interface Scenario {
  id: string;
  title: string;
  summary: string;
  /** Nations in seat order: a match with N seats uses the first N (3..max). */
  nations: ScenarioNation[];
  regions: ScenarioRegion[];
  /**
   * Hex map, odd rows shifted right (odd-r offset). Each character is a cell: '.' sea, '~' deep sea
   * (blocks adjacency), a region letter for land. Rows are separated by newlines.
   */
  map: string;
  revisionist: { name: string; pressure: number; growth: number };
  defaults: { seats: number; turns: number };
  minSeats: number;
  maxSeats: number;
  /** The lesson this scenario stresses, in one line, and the teacher's brief. */
  lesson: string;
  brief: TeacherBrief;
  /** Recommended settings for a 45- and a 90-minute class. */
  classPlans: Record<'45' | '90', ClassPlan>;
}

export interface TeacherBrief {
  goals: string[];
  timing: string;
  watchFor: string[];
}

export interface ClassPlan {
  turns: number;
  /** Phase timers in seconds. */
  timers: { diplomacy: number; policy: number; crisis: number; resolution: number; news: number };
}

