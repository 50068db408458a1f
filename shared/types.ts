// The vocabulary of Entente: names as `as const` lists, unions derived from them, and the shapes of the
// game state. Everything else in shared/ builds on this file; it imports nothing.

export const RULES_VERSION = 1;

/** A decision journal line or a bot's reason: one short line. */
export const MAX_NOTE = 140;

export const TREATY_KINDS = ['alliance', 'partnership'] as const;
export type TreatyKind = (typeof TREATY_KINDS)[number];

/** The five phases of a turn ("one year"). */
export const PHASES = ['diplomacy', 'policy', 'crisis', 'resolution', 'news'] as const;
export type Phase = (typeof PHASES)[number];

export const RESOURCES = ['industry', 'agriculture', 'energy', 'technology'] as const;
export type Resource = (typeof RESOURCES)[number];
export type ResourceProfile = Record<Resource, number>; // shares, summing to 100

/** Secret national interests: each weights the final score differently. */
export const INTERESTS = ['trading', 'frontline', 'middle', 'neutral'] as const;
export type Interest = (typeof INTERESTS)[number];

export const STRATEGIES = ['alliances', 'partnerships', 'both', 'none', 'adaptive'] as const;
export type Strategy = (typeof STRATEGIES)[number];
export const FIXED_STRATEGIES = ['alliances', 'partnerships', 'both', 'none'] as const;

export const PERSONALITIES = ['cautious', 'loyal', 'opportunist'] as const;
export type Personality = (typeof PERSONALITIES)[number];

// Alliance terms
export const ADVERSARY_ANY = 'any';
export const REVISIONIST = 'rev'; // the external revisionist power, as attacker or occupier
export const SCOPES = ['home', 'anywhere'] as const;
export type Scope = (typeof SCOPES)[number];
export const CONTRIBUTIONS = ['token', 'partial', 'full'] as const;
export type Contribution = (typeof CONTRIBUTIONS)[number];

// Partnership terms
export const TRADE_LEVELS = ['low', 'medium', 'high'] as const;
export type TradeLevel = (typeof TRADE_LEVELS)[number];

export const CRISIS_TYPES = ['incursion', 'blockade', 'invasion'] as const;
export type CrisisType = (typeof CRISIS_TYPES)[number];

export const CALL_ANSWERS = ['honour', 'abstain'] as const;
export type CallAnswer = (typeof CALL_ANSWERS)[number];

export const REVIEW_DECISIONS = ['renew', 'leave'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const PROPOSAL_STATUSES = ['open', 'accepted', 'rejected', 'countered', 'withdrawn', 'expired'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export type NationId = string;
export type RegionId = string;
export type ByNation<T> = Record<NationId, T>;

// Scenarios (pure data): ./scenarioTypes.ts.
export * from './scenarioTypes.ts';

// ---------------------------------------------------------------- terms, treaties, proposals

export interface AllianceTerms {
  kind: 'alliance';
  /** 'any' attacker, or a named adversary: a nation id or the revisionist power. */
  adversary: string;
  scope: Scope;
  /** No obligation if the called member's partner provoked the crisis. */
  nonProvocation: boolean;
  contribution: Contribution;
  /** Duration in turns, or null for open-ended (then `notice` applies). */
  duration: number | null;
  /** Exit notice period in turns. */
  notice: number;
  /** Review every N turns. */
  review: number;
}

export interface PartnershipTerms {
  kind: 'partnership';
  trade: TradeLevel;
  techSharing: boolean;
  /** Minimum term in turns. */
  minTerm: number;
  /** Review every N turns. */
  review: number;
}

export type Terms = AllianceTerms | PartnershipTerms;

export interface Proposal {
  id: string;
  from: NationId;
  to: NationId[];
  terms: Terms;
  turn: number;
  status: ProposalStatus;
  /** Invitees who accepted so far (a multilateral treaty forms once all have). */
  accepted: NationId[];
  /** Proposal this one counters, if any. */
  counterOf?: string;
  /** Treaty whose terms this proposal would replace (an amendment at a review). */
  amends?: string;
}

export interface Treaty {
  id: string;
  parties: NationId[];
  terms: Terms;
  signed: number;
  /** Turn from which a party may leave freely (end of minimum term / duration). */
  nextReview: number;
  /** Set when a party gave exit notice: the treaty ends at the start of this turn. */
  endsAt: number | null;
  noticeBy: NationId | null;
  /** Record of deeds for the balance of contributions and reviews. */
  honoured: ByNation<number>;
  abstained: ByNation<number>;
  yielded: ByNation<number>;
  /** Parties who have already decided at the current review. */
  reviewed: NationId[];
}

// ---------------------------------------------------------------- the world

export interface Nation {
  id: NationId;
  name: string;
  interest: Interest;
  resources: ResourceProfile;
  economy: number;
  military: number;
  stability: number;
  reputation: number;
  exposure: number;
  technology: number;
  startEconomy: number;
  startRegions: number;
  crisesWithstood: number;
  crisesLost: number;
  /** The sealed policy for the current turn (null until chosen). Defence share in percent. */
  policy: Policy | null;
  lastDefence: number;
}

export interface Policy {
  defence: number; // 0..100: share of output to defence (the rest is investment)
  demand: NationId | null; // coercive demand against one nation
}

/** Directed relation A→B, stored flat under the key `${A}>${B}`. */
export interface Pair {
  trust: number; // -100..100: how much A trusts B
  ties: number; // 0..5 partnership ties level
  dependence: number; // 0..100: how much A depends on B
}

export interface Region {
  id: RegionId;
  name: string;
  owner: NationId;
  core: boolean;
  capital: boolean;
}

export interface Crisis {
  id: string;
  turn: number;
  type: CrisisType;
  attacker: string; // nation id or REVISIONIST
  target: NationId;
  region: RegionId;
  severity: number; // attack strength
  provoked: boolean; // the target provoked it (issued a demand against the attacker)
  injected: boolean; // by the teacher
  outcome: 'pending' | 'held' | 'lost';
  defence: number; // strength at resolution
  regionLost: boolean;
}

export interface Call {
  id: string;
  crisis: string;
  treaty: string;
  ally: NationId; // the called member
  victim: NationId;
  answer: CallAnswer | null;
  contribution: number; // strength committed if honoured
}

export interface PendingCrisis {
  type: CrisisType;
  target: NationId;
  severity: number;
  /** A nation of the match, or the revisionist power when absent. */
  attacker?: string;
}

export interface GameEvent {
  turn: number;
  phase: Phase;
  type: string;
  /** Plain-language line for the news and the replay. */
  text: string;
  nations: NationId[];
  /** Concept words (glossary keys) this event illustrates. */
  concepts: string[];
  /** Private negotiation events are seen only by the nations named in `nations`. */
  private?: boolean;
  /** Machine-readable details (treaty, crisis, call ids, costs) for the replay, debrief and exports. */
  data?: Record<string, string | number | boolean>;
}

export interface NewsItem {
  turn: number;
  lines: string[];
  concepts: string[];
}

export interface GameState {
  rulesVersion: number;
  scenario: string;
  seed: number;
  rng: number;
  turn: number;
  turns: number;
  phase: Phase;
  over: boolean;
  nations: Nation[];
  pairs: Record<string, Pair>;
  regions: Region[];
  pressure: number;
  revisionistName: string;
  revisionistGrowth: number;
  treaties: Treaty[];
  proposals: Proposal[];
  crises: Crisis[];
  calls: Call[];
  pendingCrises: PendingCrisis[];
  news: NewsItem[];
  /** Events of the current turn (moved into news when the turn's news is written). */
  events: GameEvent[];
  nextId: number;
  /** Treaty-history counters used by scoring and the debrief. */
  record: { honoured: number; abstained: number; broken: number; signed: number };
}

// Actions and match files: ./matchTypes.ts (the same vocabulary, in a file of its own).
export * from './matchTypes.ts';
