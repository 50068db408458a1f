import type { RegionId, Scenario } from '../types.ts';

// The scenario's ASCII hex map turned into cells and adjacency. Cells use odd-r offset coordinates: odd
// rows sit half a cell to the right. Two regions are neighbours across land or across a short sea lane.

export interface HexCell {
  col: number;
  row: number;
  region: RegionId;
}

export interface MapModel {
  cols: number;
  rows: number;
  cells: HexCell[];
  /** Region id -> neighbouring region ids (sorted). */
  adjacency: Record<RegionId, RegionId[]>;
  /** Region id -> centre of its cells, in cell units (x: column, y: row). */
  centres: Record<RegionId, { x: number; y: number }>;
}

const SEA_LANE = 3; // regions at most this many cells apart across open sea are neighbours

function toCube(col: number, row: number): [number, number, number] {
  const x = col - (row - (row & 1)) / 2;
  const z = row;
  return [x, -x - z, z];
}

export function hexDistance(a: { col: number; row: number }, b: { col: number; row: number }): number {
  const [ax, ay, az] = toCube(a.col, a.row);
  const [bx, by, bz] = toCube(b.col, b.row);
  return Math.max(Math.abs(ax - bx), Math.abs(ay - by), Math.abs(az - bz));
}

const cache = new Map<string, MapModel>();

export function buildMap(scenario: Scenario): MapModel {
  const cached = cache.get(scenario.id);
  if (cached) return cached;
  const byLetter = new Map(scenario.regions.map((r) => [r.letter, r.id]));
  const lines = scenario.map.split('\n');
  const cells: HexCell[] = [];
  lines.forEach((line, row) => {
    for (let col = 0; col < line.length; col++) {
      const region = byLetter.get(line[col]!);
      if (region) cells.push({ col, row, region });
    }
  });
  const byRegion = new Map<RegionId, HexCell[]>();
  for (const c of cells) byRegion.set(c.region, [...(byRegion.get(c.region) ?? []), c]);
  const ids = scenario.regions.map((r) => r.id);
  const adjacency: Record<RegionId, RegionId[]> = {};
  const centres: Record<RegionId, { x: number; y: number }> = {};
  for (const id of ids) {
    adjacency[id] = [];
    const own = byRegion.get(id) ?? [];
    const n = Math.max(1, own.length);
    centres[id] = {
      x: own.reduce((a, c) => a + c.col + (c.row & 1 ? 0.5 : 0), 0) / n,
      y: own.reduce((a, c) => a + c.row, 0) / n,
    };
  }
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = byRegion.get(ids[i]!) ?? [];
      const b = byRegion.get(ids[j]!) ?? [];
      let best = Infinity;
      for (const ca of a) for (const cb of b) best = Math.min(best, hexDistance(ca, cb));
      if (best <= SEA_LANE) {
        adjacency[ids[i]!]!.push(ids[j]!);
        adjacency[ids[j]!]!.push(ids[i]!);
      }
    }
  }
  for (const id of ids) adjacency[id]!.sort();
  const model: MapModel = {
    cols: Math.max(...lines.map((l) => l.length)),
    rows: lines.length,
    cells,
    adjacency,
    centres,
  };
  cache.set(scenario.id, model);
  return model;
}
