import type { GameState, NationId } from '../types.ts';
import { scoreNation } from '../rules/scoring.ts';
import type { History } from './timeline.ts';

// Per-turn figures of every nation, for charts and the class export: one point at the start and one at
// the end of each turn (its news phase).

export interface Point {
  turn: number;
  nation: NationId;
  economy: number;
  military: number;
  stability: number;
  reputation: number;
  trustReceived: number;
  regions: number;
  prosperity: number;
  security: number;
  standing: number;
  autonomy: number;
  score: number;
}

export function pointOf(s: GameState, turn: number, id: NationId): Point {
  const n = s.nations.find((x) => x.id === id)!;
  let trust = 0;
  for (const o of s.nations) if (o.id !== id) trust += s.pairs[`${o.id}>${id}`]!.trust;
  const sc = scoreNation(s, id);
  return {
    turn, nation: id, economy: n.economy, military: n.military, stability: n.stability, reputation: n.reputation,
    trustReceived: Math.round(trust / Math.max(1, s.nations.length - 1)), regions: s.regions.filter((r) => r.owner === id).length,
    prosperity: sc.prosperity, security: sc.security, standing: sc.standing, autonomy: sc.autonomy, score: sc.total,
  };
}

/** Turn 0 is the starting position; turn t is the end of turn t. */
export function buildSeries(h: History): Point[] {
  const out: Point[] = h.initial.nations.map((n) => pointOf(h.initial, 0, n.id));
  const seen = new Set<number>();
  for (const f of h.frames) {
    if (f.phase !== 'news' || seen.has(f.turn)) continue;
    seen.add(f.turn);
    for (const n of f.state.nations) out.push(pointOf(f.state, f.turn, n.id));
  }
  return out;
}
