import { schema, t, type SchemaType } from '@colyseus/schema';

// The public state of a match, mirrored from the rules' GameState into @colyseus/schema after every
// change. Nothing private lives here: proposals, private chat, sealed policies and call answers, secret
// national interests and seat secrets travel only in targeted messages (see server/rooms/views.ts).

export const NationView = schema({
  id: t.string(),
  name: t.string(),
  color: t.string(),
  pattern: t.string(),
  economy: t.number(),
  military: t.number(),
  stability: t.number(),
  reputation: t.number(),
  technology: t.number(),
  /** Average trust the other nations have in this one (public standing). */
  trustReceived: t.number(),
  regions: t.number(),
  crisesWithstood: t.number(),
  crisesLost: t.number(),
  /** Id of the player holding this seat ('' when none). */
  player: t.string().default(''),
  /** True when a bot plays this seat right now. */
  bot: t.boolean().default(true),
  /** The sealed choice of the current phase has been made (policy set / every call answered). Content stays private. */
  chose: t.boolean().default(false),
}, 'NationView');
export type NationView = SchemaType<typeof NationView>;

export const RegionView = schema({
  id: t.string(),
  name: t.string(),
  owner: t.string(),
  core: t.boolean(),
  capital: t.boolean(),
}, 'RegionView');
export type RegionView = SchemaType<typeof RegionView>;

export const TreatyView = schema({
  id: t.string(),
  kind: t.string(),
  parties: t.array('string'),
  /** The treaty's terms as JSON (AllianceTerms | PartnershipTerms of shared/types.ts). */
  terms: t.string(),
  signed: t.number(),
  nextReview: t.number(),
  /** Turn the treaty ends at after notice or at the end of its duration; 0 when open-ended. */
  endsAt: t.number().default(0),
  noticeBy: t.string().default(''),
}, 'TreatyView');
export type TreatyView = SchemaType<typeof TreatyView>;

export const CrisisView = schema({
  id: t.string(),
  type: t.string(),
  attacker: t.string(),
  target: t.string(),
  region: t.string(),
  severity: t.number(),
  provoked: t.boolean(),
  injected: t.boolean(),
  outcome: t.string(),
  defence: t.number(),
  regionLost: t.boolean(),
}, 'CrisisView');
export type CrisisView = SchemaType<typeof CrisisView>;

/** A call for help: who was called, not (until resolution) what they answered. */
export const CallView = schema({
  id: t.string(),
  crisis: t.string(),
  treaty: t.string(),
  ally: t.string(),
  victim: t.string(),
  answered: t.boolean(),
}, 'CallView');
export type CallView = SchemaType<typeof CallView>;

export const NewsView = schema({
  turn: t.number(),
  lines: t.array('string'),
  concepts: t.array('string'),
}, 'NewsView');
export type NewsView = SchemaType<typeof NewsView>;

export const PlayerView = schema({
  id: t.string(),
  nickname: t.string(),
  /** Nation held ('' for none, e.g. a host who only hosts). */
  nation: t.string().default(''),
  host: t.boolean().default(false),
  ready: t.boolean().default(false),
  connected: t.boolean().default(false),
  /** Away beyond the reconnection window: a bot plays the seat until the player is back. */
  bot: t.boolean().default(false),
  /** Joined a running match and waits for the teacher to let them in. */
  waiting: t.boolean().default(false),
  /** Their roles in their nation's team, comma-separated (shared/protocol/teams.ts ROLES); '' without a nation. */
  roles: t.string().default(''),
}, 'PlayerView');
export type PlayerView = SchemaType<typeof PlayerView>;

export const ScoreView = schema({
  nation: t.string(),
  total: t.number(),
  prosperity: t.number(),
  security: t.number(),
  standing: t.number(),
  autonomy: t.number(),
  interest: t.string(),
}, 'ScoreView');
export type ScoreView = SchemaType<typeof ScoreView>;

export const SettingsView = schema({
  scenario: t.string(),
  seats: t.number(),
  turns: t.number(),
  hostName: t.string(),
  hostPlays: t.boolean(),
  /** Whether the teacher can read private negotiations (students are shown this). */
  teacherReads: t.boolean(),
  publishNegotiations: t.boolean(),
  /** The guided first turn: the first year's diplomacy is longer. */
  guide: t.boolean().default(false),
  /** Students per nation; how a team's draft becomes the nation's ('head' | 'any' | 'vote'); who gives out roles. */
  teamSize: t.number().default(1),
  signing: t.string().default('head'),
  rolesBy: t.string().default('teacher'),
  diplomacySeconds: t.number(),
  policySeconds: t.number(),
  crisisSeconds: t.number(),
  resolutionSeconds: t.number(),
  newsSeconds: t.number(),
}, 'SettingsView');
export type SettingsView = SchemaType<typeof SettingsView>;

export const MatchState = schema({
  code: t.string(),
  /** 'lobby' (waiting for the host to start), 'running' or 'finished'. */
  status: t.string().default('lobby'),
  phase: t.string().default('diplomacy'),
  turn: t.number().default(1),
  turns: t.number(),
  /** End of the current phase, epoch milliseconds on the server's clock; 0 when none (lobby, paused, over). */
  deadline: t.number().default(0),
  /** Server clock at the last update, so clients can correct for their own clock's offset. */
  serverTime: t.number().default(0),
  paused: t.boolean().default(false),
  /** Milliseconds left in the phase while paused. */
  remaining: t.number().default(0),
  chatFrozen: t.boolean().default(false),
  /** The teacher closed the match to newcomers. */
  locked: t.boolean().default(false),
  /**
   * The rules state's hash at the start of this phase (at the end: the final state's). The number of actions
   * is not public: it moved with every private proposal, so it told everyone when others negotiated, and it
   * sent every client a patch for an action only two of them can see.
   */
  hash: t.string().default(''),
  pressure: t.number(),
  revisionist: t.string(),
  nations: t.array(NationView),
  regions: t.array(RegionView),
  treaties: t.array(TreatyView),
  crises: t.array(CrisisView),
  calls: t.array(CallView),
  /** Public event lines of the current turn, in order. */
  events: t.array('string'),
  news: t.array(NewsView),
  players: t.map(PlayerView),
  settings: SettingsView,
  /** Filled when the match is over, best first. */
  scores: t.array(ScoreView),
  winners: t.array('string'),
}, 'MatchState');
export type MatchState = SchemaType<typeof MatchState>;
