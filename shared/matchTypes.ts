import type { CallAnswer, CrisisType, GameEvent, GameState, Interest, NationId, Personality, ReviewDecision, Strategy, Terms } from './types.ts';

// The vocabulary, continued: what can be done (actions, as the rules take them and the log records them),
// and the match file that holds a whole match. Re-exported by ./types.ts.

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
