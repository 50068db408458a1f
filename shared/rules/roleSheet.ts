import type { Interest, NationId, Resource, Scenario } from '../types.ts';
import { RESOURCES } from '../types.ts';
import { buildMap, hexDistance } from './map.ts';
import { INTEREST_LABELS } from './scoring.ts';

// The role sheet a player sees for their nation: situation, neighbours, strengths and needs, and what
// its (secret) national interest rewards.

const REACH = 6;

export interface RoleSheet {
  nation: NationId;
  name: string;
  situation: string;
  neighbours: string[];
  strongest: Resource;
  weakest: Resource;
  /** What the nation's secret interest rewards; empty unless the caller knows it (the nation's own player). */
  interest: string;
  exposure: string;
}

export function roleSheet(scenario: Scenario, nation: NationId, seats = scenario.nations.length, interest?: Interest): RoleSheet {
  const n = scenario.nations.find((x) => x.id === nation);
  if (!n) throw new Error(`no nation ${nation}`);
  const inPlay = new Set(scenario.nations.slice(0, seats).map((x) => x.id));
  // Neighbours are the nations within a short sail (or a border) of any of yours; a remote nation still
  // gets its two nearest, so every role sheet names someone to talk to first.
  const map = buildMap(scenario);
  const ownerOf = new Map(scenario.regions.map((r) => [r.id, r.owner]));
  const mine = map.cells.filter((c) => ownerOf.get(c.region) === nation);
  const distance = new Map<string, number>();
  for (const c of map.cells) {
    const owner = ownerOf.get(c.region)!;
    if (owner === nation || !inPlay.has(owner)) continue;
    for (const m of mine) distance.set(owner, Math.min(distance.get(owner) ?? Infinity, hexDistance(m, c)));
  }
  const byDistance = [...distance.entries()].sort((a, b) => a[1] - b[1]);
  const near = byDistance.filter(([, d]) => d <= REACH);
  const neighbourIds = new Set((near.length ? near : byDistance.slice(0, 2)).map(([id]) => id));
  const sorted = [...RESOURCES].sort((a, b) => n.resources[b] - n.resources[a]);
  return {
    nation, name: n.name, situation: n.blurb,
    neighbours: scenario.nations.filter((x) => neighbourIds.has(x.id)).map((x) => x.name),
    strongest: sorted[0]!, weakest: sorted[sorted.length - 1]!,
    interest: interest ? INTEREST_LABELS[interest] : '',
    exposure: n.exposure >= 65 ? `On the front line: ${scenario.revisionist.name} will test you often.` : n.exposure >= 40 ? `Within reach of ${scenario.revisionist.name}.` : `Far from ${scenario.revisionist.name}, for now.`,
  };
}
