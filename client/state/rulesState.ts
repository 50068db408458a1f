import type { Interest, GameState, Nation, NationId, Pair, Region, Scenario, Treaty, Crisis, NewsItem, Proposal, Call, Phase } from '../../shared/types.ts';
import { RULES_VERSION } from '../../shared/types.ts';
import type { PrivateView } from '../../shared/protocol/messages.ts';

// The client never runs the game: it rebuilds a rules-shaped GameState from what it was sent (the public
// state plus its private view) only so the shared rules can *preview* and *assess* ("if you accept...").
// Secrets it was not sent (other nations' interests, others' trust in each other) get neutral stand-ins;
// the functions the client calls only read the viewer's own row.

export interface PublicGame {
  turn: number;
  turns: number;
  phase: Phase;
  over: boolean;
  pressure: number;
  revisionistName?: string;
  nations: Partial<Nation>[];
  regions: Region[];
  treaties: Treaty[];
  crises: Crisis[];
  news: NewsItem[];
  record?: GameState['record'];
}

const NEUTRAL_PAIR: Pair = { trust: 20, ties: 0, dependence: 0 };

export function buildRulesState(scenario: Scenario, pub: PublicGame, priv: PrivateView | null): GameState {
  const nations: Nation[] = pub.nations.map((raw) => {
    const base = scenario.nations.find((n) => n.id === raw.id);
    const economy = raw.economy ?? base?.economy ?? 100;
    return {
      id: raw.id ?? base?.id ?? '?',
      name: raw.name ?? base?.name ?? raw.id ?? '?',
      // Only your own interest is known to you (the private view); others' stay secret, so a neutral guess.
      interest: raw.interest ?? (raw.id === priv?.nation ? (priv?.interest as Interest | undefined) : undefined) ?? 'middle',
      resources: raw.resources ?? { ...(base?.resources ?? { industry: 25, agriculture: 25, energy: 25, technology: 25 }) },
      economy,
      military: raw.military ?? base?.military ?? 40,
      stability: raw.stability ?? base?.stability ?? 60,
      reputation: raw.reputation ?? base?.reputation ?? 50,
      exposure: raw.exposure ?? base?.exposure ?? 40,
      technology: raw.technology ?? base?.resources.technology ?? 20,
      startEconomy: raw.startEconomy ?? base?.economy ?? economy,
      startRegions: raw.startRegions ?? scenario.regions.filter((r) => r.owner === raw.id).length,
      crisesWithstood: raw.crisesWithstood ?? 0,
      crisesLost: raw.crisesLost ?? 0,
      policy: raw.policy ?? null,
      lastDefence: raw.lastDefence ?? 30,
    };
  });
  const pairs: Record<string, Pair> = {};
  for (const a of nations) for (const b of nations) if (a.id !== b.id) pairs[`${a.id}>${b.id}`] = { ...NEUTRAL_PAIR };
  if (priv?.nation) {
    for (const [other, p] of Object.entries(priv.relations ?? {})) pairs[`${priv.nation}>${other}`] = { ...p };
  }
  const proposals: Proposal[] = (priv?.proposals ?? []).map(({ assessment: _a, ...p }) => p);
  const calls: Call[] = priv?.calls ?? [];
  return {
    rulesVersion: RULES_VERSION,
    scenario: scenario.id,
    seed: 0,
    rng: 0,
    turn: pub.turn,
    turns: pub.turns,
    phase: pub.phase,
    over: pub.over,
    nations,
    pairs,
    regions: pub.regions,
    pressure: pub.pressure,
    revisionistName: pub.revisionistName ?? scenario.revisionist.name,
    revisionistGrowth: scenario.revisionist.growth,
    treaties: pub.treaties,
    proposals,
    crises: pub.crises,
    calls,
    pendingCrises: [],
    news: pub.news,
    events: [],
    nextId: 0,
    record: pub.record ?? { honoured: 0, abstained: 0, broken: 0, signed: pub.treaties.length },
  };
}

export const nationName = (s: Pick<GameState, 'nations'>, id: NationId): string => s.nations.find((n) => n.id === id)?.name ?? id;
