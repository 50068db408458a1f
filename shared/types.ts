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

// ---------------------------------------------------------------- scenario (pure data)

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

// ---------------------------------------------------------------- actions

interface ActionBase {
  /** Optional one-line rationale: a player's decision journal, or a bot's reason. */
  note?: string;
}
/** Who in a team drafted and who signed a nation's action (player ids); ignored by the rules, like a note. */
export interface Signature {
  drafter: string;
  signer: string;
  /** With the host's "team vote" setting: the members who approved. */
  approvals?: string[];
}
export type NationAction = ActionBase & { signed?: Signature } &
  (
    | { type: 'propose'; by: NationId; to: NationId[]; terms: Terms; amends?: string }
    | { type: 'accept'; by: NationId; proposal: string }
    | { type: 'reject'; by: NationId; proposal: string }
    | { type: 'counter'; by: NationId; proposal: string; terms: Terms }
    | { type: 'withdraw'; by: NationId; proposal: string }
    | { type: 'notice'; by: NationId; treaty: string }
    | { type: 'break'; by: NationId; treaty: string }
    | { type: 'review'; by: NationId; treaty: string; decision: ReviewDecision }
    | { type: 'policy'; by: NationId; defence: number; demand: NationId | null }
    | { type: 'respond'; by: NationId; call: string; answer: CallAnswer }
  );
export type SystemAction = ActionBase &
  (
    | { type: 'advance' }
    | { type: 'inject'; crisis: CrisisType; target: NationId; severity: number; attacker?: string }
    | { type: 'end' }
  );
export type Action = NationAction | SystemAction;
export type ActionType = Action['type'];
export const NATION_ACTION_TYPES = [
  'propose', 'accept', 'reject', 'counter', 'withdraw', 'notice', 'break', 'review', 'policy', 'respond',
] as const satisfies readonly NationAction['type'][];
export const SYSTEM_ACTION_TYPES = ['advance', 'inject', 'end'] as const satisfies readonly SystemAction['type'][];

export interface RuleError {
  code: string;
  message: string;
}
export type ApplyResult =
  | { ok: true; state: GameState; events: GameEvent[] }
  | { ok: false; error: RuleError };

// ---------------------------------------------------------------- players and match files

export interface Player {
  nation: NationId;
  name: string;
  bot: boolean;
  strategy?: Strategy;
  personality?: Personality;
}

export interface MatchSettings {
  turns: number;
}

/** A person who played in a match (a member of a nation's team), as the match file records them. */
export interface MatchPerson {
  /** The id the log's signatures use (`signed.drafter`, `signed.signer`). */
  id: string;
  nickname: string;
  nation: NationId | null;
  /** Role names (shared/protocol/teams.ts), as they stood at the end. */
  roles: string[];
}

export interface MatchFile {
  rulesVersion: number;
  scenario: string;
  seed: number;
  settings: MatchSettings;
  players: Player[];
  /** Each nation's secret national interest for this match (public once the match is over). */
  interests: Record<NationId, Interest>;
  actions: Action[];
  /** Where a "what if" fork came from: its first actions replay the parent up to that point. */
  parent?: { id: string; turn: number };
  /** The people of the match and their teams (absent in files of one-student nations written before teams). */
  people?: MatchPerson[];
}
