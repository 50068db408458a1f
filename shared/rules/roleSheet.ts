import type { NationId, Resource, Scenario } from '../types.ts';
import { RESOURCES } from '../types.ts';
import { buildMap } from './map.ts';
import { INTEREST_LABELS } from './scoring.ts';

// The role sheet a player sees for their nation: situation, neighbours, strengths and needs, and what
// its (secret) national interest rewards.

export interface RoleSheet {
  nation: NationId;
  name: string;
  situation: string;
  neighbours: string[];
  strongest: Resource;
  weakest: Resource;
  interest: string;
  exposure: string;
}

export function roleSheet(scenario: Scenario, nation: NationId, seats = scenario.nations.length): RoleSheet {
  const n = scenario.nations.find((x) => x.id === nation);
  if (!n) throw new Error(`no nation ${nation}`);
  const inPlay = new Set(scenario.nations.slice(0, seats).map((x) => x.id));
  const map = buildMap(scenario);
  const mine = scenario.regions.filter((r) => r.owner === nation).map((r) => r.id);
  const neighbourIds = new Set<string>();
  for (const r of mine) for (const adj of map.adjacency[r] ?? []) {
    const owner = scenario.regions.find((x) => x.id === adj)!.owner;
    if (owner !== nation && inPlay.has(owner)) neighbourIds.add(owner);
  }
  const sorted = [...RESOURCES].sort((a, b) => n.resources[b] - n.resources[a]);
  return {
    nation, name: n.name, situation: n.blurb,
    neighbours: scenario.nations.filter((x) => neighbourIds.has(x.id)).map((x) => x.name),
    strongest: sorted[0]!, weakest: sorted[sorted.length - 1]!,
    interest: INTEREST_LABELS[n.interest],
    exposure: n.exposure >= 65 ? `On the front line: ${scenario.revisionist.name} will test you often.` : n.exposure >= 40 ? `Within reach of ${scenario.revisionist.name}.` : `Far from ${scenario.revisionist.name}, for now.`,
  };
}
