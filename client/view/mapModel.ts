import type { Crisis, GameState, NationId, Region, Scenario, Treaty, TreatyKind } from '../../shared/types.ts';
import { REVISIONIST } from '../../shared/types.ts';
import { buildMap, MAX_TIES } from '../../shared/rules/index.ts';

// Geometry and content of the map, as plain data the Phaser scene draws: hexes (pointy-top, odd-r
// offset, as the scenario's ASCII map), owners, capitals, treaty links and crisis markers.

export const SQRT3 = Math.sqrt(3);

/** Pixel centre of a hex cell of radius `size` (pointy-top, odd rows shifted right by half a cell). */
export function hexCenter(col: number, row: number, size: number): { x: number; y: number } {
  return { x: size * SQRT3 * (col + 0.5 * (row & 1)) + (size * SQRT3) / 2, y: size * 1.5 * row + size };
}

/** The six corners of a pointy-top hex. */
export function hexCorners(cx: number, cy: number, size: number): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (let i = 0; i < 6; i++) {
    const a = (Math.PI / 180) * (60 * i - 30);
    out.push({ x: cx + size * Math.cos(a), y: cy + size * Math.sin(a) });
  }
  return out;
}

export function mapPixelSize(scenario: Scenario, size: number): { width: number; height: number } {
  const m = buildMap(scenario);
  return { width: size * SQRT3 * (m.cols + 0.5) + size, height: size * 1.5 * (m.rows - 1) + size * 2 };
}

/** Centre of a region in pixels (the centres are in cell units: x column incl. odd-row shift, y row). */
export function regionCenter(scenario: Scenario, region: string, size: number): { x: number; y: number } {
  const c = buildMap(scenario).centres[region] ?? { x: 0, y: 0 };
  return { x: size * SQRT3 * c.x + (size * SQRT3) / 2, y: size * 1.5 * c.y + size };
}

export function capitalOf(s: Pick<GameState, 'regions'>, scenario: Scenario, nation: NationId): string | undefined {
  return s.regions.find((r) => r.owner === nation && r.capital)?.id
    ?? scenario.regions.find((r) => r.owner === nation && r.capital)?.id;
}

export interface TreatyLink {
  treaty: string;
  a: NationId;
  b: NationId;
  kind: TreatyKind;
  /** 1..5: ties for a partnership (grow one a turn), contribution weight for an alliance. */
  weight: number;
  dashed: boolean;
  noticeGiven: boolean;
}

/** Links between every pair of parties of every treaty; partnerships thicken as ties grow. */
export function treatyLinks(s: Pick<GameState, 'treaties' | 'turn' | 'pairs'>): TreatyLink[] {
  const out: TreatyLink[] = [];
  for (const t of s.treaties) {
    for (let i = 0; i < t.parties.length; i++) {
      for (let j = i + 1; j < t.parties.length; j++) {
        const a = t.parties[i]!;
        const b = t.parties[j]!;
        out.push({ treaty: t.id, a, b, kind: t.terms.kind, weight: linkWeight(s, t, a, b), dashed: t.terms.kind === 'partnership', noticeGiven: t.noticeBy !== null });
      }
    }
  }
  return out;
}

function linkWeight(s: Pick<GameState, 'turn' | 'pairs'>, t: Treaty, a: NationId, b: NationId): number {
  if (t.terms.kind === 'alliance') return t.terms.contribution === 'full' ? 4 : t.terms.contribution === 'partial' ? 3 : 2;
  const known = s.pairs[`${a}>${b}`]?.ties ?? 0;
  const elapsed = Math.max(0, s.turn - t.signed);
  return Math.max(1, Math.min(MAX_TIES, Math.max(known, elapsed)));
}

export interface CrisisMarker {
  id: string;
  region: string;
  attacker: string;
  attackerName: string;
  target: NationId;
  label: string;
  outcome: Crisis['outcome'];
}

export function crisisMarkers(s: Pick<GameState, 'crises' | 'nations' | 'regions' | 'revisionistName'>): CrisisMarker[] {
  return s.crises.map((c) => {
    const attackerName = c.attacker === REVISIONIST ? s.revisionistName.replace(/^the /, 'The ') : s.nations.find((n) => n.id === c.attacker)?.name ?? c.attacker;
    const targetName = s.nations.find((n) => n.id === c.target)?.name ?? c.target;
    const regionName = s.regions.find((r) => r.id === c.region)?.name ?? c.region;
    const result = c.outcome === 'held' ? 'held' : c.outcome === 'lost' ? (c.regionLost ? 'lost, region taken' : 'lost') : 'under way';
    return { id: c.id, region: c.region, attacker: c.attacker, attackerName, target: c.target, label: `${c.type} of ${regionName}: ${attackerName} → ${targetName} (${result})`, outcome: c.outcome };
  });
}

/** Owner of each region now ('rev' for the revisionist power). */
export const ownerOf = (regions: Region[], id: string): string | undefined => regions.find((r) => r.id === id)?.owner;

export interface MapNation { id: NationId; name: string; color: string; pattern: string; economy: number; military: number; reputation: number }
export interface MapData {
  scenario: Scenario;
  regions: Region[];
  nations: MapNation[];
  links: TreatyLink[];
  crises: CrisisMarker[];
  me: NationId | null;
  selected: NationId | null;
  revisionistName: string;
}

export function mapData(scenario: Scenario, s: GameState, me: NationId | null, selected: NationId | null, extra: Record<string, { color: string; pattern: string }> = {}): MapData {
  return {
    scenario,
    regions: s.regions,
    nations: s.nations.map((n) => {
      const sc = scenario.nations.find((x) => x.id === n.id);
      return { id: n.id, name: n.name, color: extra[n.id]?.color ?? sc?.color ?? '#888888', pattern: extra[n.id]?.pattern ?? sc?.pattern ?? 'solid', economy: n.economy, military: n.military, reputation: n.reputation };
    }),
    links: treatyLinks(s),
    crises: crisisMarkers(s),
    me,
    selected,
    revisionistName: s.revisionistName,
  };
}
