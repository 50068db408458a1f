import type { Call, GameState, NationId } from '../../shared/types.ts';
import { callCosts } from '../../shared/rules/resolution.ts';

// What honouring or abstaining will cost, in words, for the sealed call card. The strength committed comes
// from the server's call (computed by the rules); the consequences are the rules' as RULES.md states them.

export interface CallCard {
  id: string;
  title: string;
  honour: string;
  abstain: string;
  /** The answer buttons: "Honour the call from Kestria at Brine Isles", never naming a nation twice. */
  honourButton: string;
  abstainButton: string;
}

export function callCard(s: GameState, call: Call, viewer: NationId): CallCard {
  const victim = s.nations.find((n) => n.id === call.victim)?.name ?? call.victim;
  const crisis = s.crises.find((c) => c.id === call.crisis);
  const regionName = crisis ? s.regions.find((r) => r.id === crisis.region)?.name ?? crisis.region : null;
  // A capital region is often named after its nation: "at Corvenne" after "from Corvenne" says nothing.
  const where = regionName && regionName !== victim ? ` at ${regionName}` : '';
  const costs = callCosts(s, call);
  const audience = costs.audienceCost;
  const me = s.nations.find((n) => n.id === viewer);
  const lossLow = costs.attrition.held;
  const lossHigh = costs.attrition.lost;
  return {
    id: call.id,
    title: `${victim} calls on you: ${regionName && regionName !== victim ? regionName : 'its home region'} is under attack.`,
    honour: `Honour: send ${call.contribution} strength${me ? ` of your ${me.military}` : ''}. You lose about ${lossLow}–${lossHigh} military in the fighting, gain reputation, and ${victim} trusts you more (credibility; the price of entrapment).`,
    honourButton: `Honour the call from ${victim}${where}`,
    abstainButton: `Abstain${where || ` (${victim})`}`,
    abstain: `Abstain: keep your forces, but lose about ${audience} reputation in front of everyone, ${victim}'s trust in you collapses, and the alliance ends (abandonment, audience costs).`,
  };
}

export const pendingCalls = (calls: Call[], viewer: NationId | null): Call[] => calls.filter((c) => c.ally === viewer && c.answer === null);
