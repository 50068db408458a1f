import type { Call, GameState, NationId } from '../../shared/types.ts';
import { callCosts } from '../../shared/rules/resolution.ts';

// What honouring or abstaining will cost, in words, for the sealed call card. The strength committed comes
// from the server's call (computed by the rules); the consequences are the rules' as RULES.md states them.

export interface CallCard {
  id: string;
  title: string;
  honour: string;
  abstain: string;
}

export function callCard(s: GameState, call: Call, viewer: NationId): CallCard {
  const victim = s.nations.find((n) => n.id === call.victim)?.name ?? call.victim;
  const crisis = s.crises.find((c) => c.id === call.crisis);
  const region = crisis ? s.regions.find((r) => r.id === crisis.region)?.name ?? crisis.region : 'one of its regions';
  const costs = callCosts(s, call);
  const audience = costs.audienceCost;
  const me = s.nations.find((n) => n.id === viewer);
  const lossLow = costs.attrition.held;
  const lossHigh = costs.attrition.lost;
  return {
    id: call.id,
    title: `${victim} calls on you: ${region} is under attack.`,
    honour: `Honour: send ${call.contribution} strength${me ? ` of your ${me.military}` : ''}. You lose about ${lossLow}–${lossHigh} military in the fighting, gain reputation, and ${victim} trusts you more (credibility; the price of entrapment).`,
    abstain: `Abstain: keep your forces, but lose about ${audience} reputation in front of everyone, ${victim}'s trust in you collapses, and the alliance ends (abandonment, audience costs).`,
  };
}

export const pendingCalls = (calls: Call[], viewer: NationId | null): Call[] => calls.filter((c) => c.ally === viewer && c.answer === null);
