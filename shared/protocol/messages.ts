import { z } from 'zod';
import { PHASES } from '../types.ts';
import type { Interest } from '../types.ts';
import type { Assessment } from '../rules/assess.ts';
import type { GameEvent, NationId, Pair, Policy, Proposal, Call, Terms } from '../types.ts';
import { NATION_ACTION_FIELDS, SYSTEM_ACTION_FIELDS, draftActionSchema, noteSchema } from './actions.ts';
import { MAX_TEAM, ROLES, SIGNING, type TeamView } from './teams.ts';
import { MAX_CHAT } from './constants.ts';

export * from './constants.ts';

// The wire protocol between browser and server. Client messages are parsed here before the rules see
// them; the acting nation is never part of a payload: the server takes it from the sender's seat.
// Server messages are typed here so client and server agree. PROTOCOL.md documents every one.

const id = z.string().min(1).max(40);
/** Each client message may carry a `ref` the server echoes in its answer, so a client can match replies. */
const ref = z.string().max(24).optional();


type Shape = Record<string, z.ZodType>;
const message = <S extends Shape>(fields: S) => z.strictObject({ ...fields, ref });
const messages = <M extends Record<string, Shape>>(m: M) =>
  Object.fromEntries(Object.entries(m).map(([k, f]) => [k, message(f)])) as { [K in keyof M]: ReturnType<typeof message<M[K]>> };

/** Game actions: the rules' actions minus the actor (one schema per action, shared/protocol/actions.ts). Message type = action type. */
export const ACTION_MESSAGES = messages(NATION_ACTION_FIELDS);

/** Lobby and conversation messages, from anyone in the room who is not waiting to be let in. */
export const SEAT_MESSAGES = {
  pickSeat: message({ nation: id }),
  /**
   * "I'm ready" in the lobby, "I'm done with this phase" in a running match. With `phase` (where the click
   * was made: 'lobby' or the phase on screen), only if the match is still there: a click that reaches the
   * server after the start or the phase's end does nothing.
   */
  ready: message({ ready: z.boolean(), phase: z.enum(['lobby', ...PHASES]).optional() }),
  /** `to` is a nation id for a private channel, 'host' for the teacher, 'team' for one's own team, or 'all' for the public channel. */
  chat: message({ to: id, text: z.string().min(1).max(MAX_CHAT) }),
  /** In the lobby, when the host lets teams choose their roles: take this role (swapping with whoever had it). */
  takeRole: message({ role: z.enum(ROLES) }),
} as const;

/** A team's deliberation: any member drafts; the head signs (or any member, or a majority approves: host setting). */
export const TEAM_MESSAGES = {
  /** Create a draft, or change draft `draft` (any member of the team). */
  draft: message({ draft: id.optional(), action: draftActionSchema, note: noteSchema }),
  /** Make a draft the nation's action (the head of government, or any member with "any member may sign"). */
  sign: message({ draft: id, note: noteSchema }),
  /** Approve a draft (with "team vote"): it becomes the nation's once a majority of the team approved. */
  approve: message({ draft: id }),
  discard: message({ draft: id }),
} as const;

/** Teacher (host) controls: refused for anyone but the host. */
export const HOST_MESSAGES = {
  start: message({}),
  pause: message({}),
  resume: message({}),
  /** Add (positive) or remove (negative) seconds from the current phase. */
  extend: message({ seconds: z.number().int().min(-600).max(600) }),
  /** End the current phase now. With `phase`, only if that is still the current phase (a stale click does nothing). */
  advance: message({ phase: z.enum(PHASES).optional() }),
  /** A crisis (the rules' `inject`); `attacker` a nation of the match or 'rev' (the default). */
  inject: message({ crisis: SYSTEM_ACTION_FIELDS.inject.crisis, target: id, severity: SYSTEM_ACTION_FIELDS.inject.severity, attacker: id.optional() }),
  freezeChat: message({ frozen: z.boolean() }),
  /** Put a player (a late joiner waiting to be let in, or anyone seated) on a nation. */
  moveSeat: message({ player: id, nation: id }),
  /** Let a late joiner in: onto `nation` (a free seat, or one a bot plays). */
  admit: message({ player: id, nation: id }),
  /** Remove a player (or turn away a late joiner): closed with CLOSE_CODES.kicked; that browser cannot come back. */
  kick: message({ player: id }),
  /** No newcomers at all while locked (seated players still rejoin). */
  lock: message({ locked: z.boolean() }),
  /** Give a member of a team a role (they swap with whoever held it). */
  setRole: message({ player: id, role: z.enum(ROLES) }),
  /** Lobby: spread everyone who joined over the nations, in teams of the match's team size. `list`: lines "Nation: nick, nick". */
  makeTeams: message({ mode: z.enum(['balanced', 'random', 'list']), list: z.string().max(4000).optional() }),
  endMatch: message({}),
} as const;

export type ActionMessageType = keyof typeof ACTION_MESSAGES;
export type SeatMessageType = keyof typeof SEAT_MESSAGES;
export type TeamMessageType = keyof typeof TEAM_MESSAGES;
export type HostMessageType = keyof typeof HOST_MESSAGES;
export type ClientMessageType = ActionMessageType | SeatMessageType | TeamMessageType | HostMessageType;
export type ClientMessage<T extends ClientMessageType> = z.infer<
  T extends ActionMessageType ? (typeof ACTION_MESSAGES)[T] : T extends SeatMessageType ? (typeof SEAT_MESSAGES)[T] : T extends TeamMessageType ? (typeof TEAM_MESSAGES)[T] : T extends HostMessageType ? (typeof HOST_MESSAGES)[T] : never
>;

// ------------------------------------------------------------------ options at create / join

export const createOptionsSchema = z.strictObject({
  scenario: z.string().max(60).optional(),
  seats: z.number().int().min(3).max(8),
  turns: z.number().int().min(1).max(60),
  hostName: z.string().max(64),
  hostPlays: z.boolean(),
  /** Phase timers in seconds (diplomacy, policy, crisis; resolution and news are short pauses). */
  timers: z.strictObject({ diplomacy: z.number().int().min(10).max(1800), policy: z.number().int().min(5).max(600), crisis: z.number().int().min(5).max(600), resolution: z.number().int().min(1).max(120), news: z.number().int().min(1).max(300) }).partial().optional(),
  teacherReads: z.boolean().optional(),
  /** Publish negotiations in the archive's replay after the match. */
  publishNegotiations: z.boolean().optional(),
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  /** Start a "what if" fork from an archived match at a turn. */
  fork: z.strictObject({ match: z.string().max(60), turn: z.number().int().min(1).max(60) }).optional(),
  /** The guided first turn: the first year's diplomacy gets GUIDE_EXTRA_SECONDS more (default on). */
  guide: z.boolean().optional(),
  /** This browser's id (see joinOptionsSchema). */
  device: z.string().max(64).optional(),
  /** Students per nation (1 to 5; default 1). */
  teamSize: z.number().int().min(1).max(MAX_TEAM).optional(),
  /** Who makes a team's draft the nation's: its head (default), any member, or a majority ("team vote"). */
  signing: z.enum(SIGNING).optional(),
  /** Who gives out the roles: the teacher (and, at first, the order of joining; default) or the teams themselves. */
  rolesBy: z.enum(['teacher', 'teams']).optional(),
});
export type CreateOptions = z.infer<typeof createOptionsSchema>;

/** Parallel matches under one class code: k matches with the same settings and the same start (one seed). */
export const MAX_CLASS_MATCHES = 8;
export const classOptionsSchema = createOptionsSchema.omit({ fork: true }).extend({ matches: z.number().int().min(1).max(MAX_CLASS_MATCHES) });
export type ClassOptions = z.infer<typeof classOptionsSchema>;

/** `POST /api/classes` answers: the class code for students, the host's secret, and the matches' codes. */
export interface ClassCreated {
  code: string;
  secret: string;
  matches: string[];
}

export const joinOptionsSchema = z.strictObject({
  nickname: z.string().max(64),
  /** The per-seat secret a browser kept, to reclaim its seat after a reload or a server restart. */
  secret: z.string().max(64).optional(),
  /**
   * A random id this browser keeps for every match (localStorage). A browser the host removed cannot come
   * back into that match under any nickname.
   */
  device: z.string().max(64).optional(),
});
export type JoinOptions = z.infer<typeof joinOptionsSchema>;

/** The projector page joins with the key the host's `seat` message carries: public state only, read-only. */
export const projectorOptionsSchema = z.strictObject({ projector: z.string().min(8).max(64) });
export type ProjectorOptions = z.infer<typeof projectorOptionsSchema>;

// ------------------------------------------------------------------ server -> client

export interface ErrorMessage {
  code: string;
  message: string;
  /** The message type that was refused, and the client's ref if it sent one. */
  type?: string;
  ref?: string;
}

export interface AcceptedMessage {
  type: string;
  ref?: string;
}

export interface ChatLine {
  id: number;
  from: NationId | 'host';
  fromName: string;
  /** A nation (its team), 'all', 'host', or 'team' (the sender's own team only). */
  to: NationId | 'all' | 'host' | 'team';
  text: string;
  turn: number;
}

/**
 * What only one seat may see: sent to that client alone (never in the shared state), whole as message
 * `private` on (re)join; after that, each change as `privateChanges` (see `PrivateViewChanges`).
 */
export interface PrivateView {
  nation: NationId | null;
  /** The player this connection plays as (the key in the public `players` map). Always sent by the server. */
  playerId?: string;
  /** This nation's secret national interest (how its score is weighted); null without a nation. Always sent. */
  interest?: Interest | null;
  /** Proposals this nation sent or received, with the assessment for this nation beside each. */
  proposals: (Proposal & { assessment: Assessment | null })[];
  /** This nation's own relations (its trust in others, its ties and dependence). */
  relations: Record<NationId, Pair>;
  /** Others' trust in this nation is public standing; its own view of them is private. */
  policy: Policy | null;
  calls: Call[];
  /** Private negotiation events involving this nation. */
  events: GameEvent[];
  /**
   * The chat lines this seat may read (the last CHAT_HISTORY of them). New lines also arrive one by one as
   * `chat` messages; a `private` view is not re-sent for a chat line alone.
   */
  chat: ChatLine[];
  teacherReads: boolean;
  /** The sender's team (members, roles, drafts) when the nation is held by a team; null otherwise. */
  team?: TeamView | null;
}

/**
 * The parts of a private view that changed since the last one sent to that connection (message
 * `privateChanges`): each part present replaces the previous one, except `eventsAdded`, which follows
 * the events already shown. Chat lines never come this way (they arrive as `chat` messages).
 */
export type PrivateViewChanges = Partial<Omit<PrivateView, 'chat'>> & {
  eventsAdded?: GameEvent[];
  /** The proposals in their order, instead of `proposals`, where one already shown as it is now comes as its id alone. */
  proposalsKept?: (PrivateView['proposals'][number] | string)[];
};

/** The teacher's view of negotiations, when the match settings allow it. */
export interface TeacherView {
  proposals: Proposal[];
  chat: ChatLine[];
  policies: Record<NationId, Policy | null>;
}

/**
 * Sent as `seat` to one client only: on join, on rejoin and whenever its seat changes. The browser keeps
 * `secret` (e.g. in localStorage) to rejoin with code + nickname + secret after a server restart.
 */
export interface SeatSecretMessage {
  secret: string;
  nation: NationId | null;
  nickname: string;
  playerId: string;
  host: boolean;
  /** A late joiner waiting for the teacher to let them in (no nation yet). */
  waiting: boolean;
  /** The host only: the key of the projector page (`/projector/<code>#key=<projectorKey>`). */
  projectorKey?: string;
}

/** `teacher`, to the host only and only when the match lets the teacher read negotiations. */
export type { TeacherView as TeacherMessage };

/** `shutdown`, to everyone, when the server is stopping (it will be back; rejoin with your secret). */
export interface ShutdownMessage {
  message: string;
}

/** `kicked`, to the removed client just before its connection is closed with CLOSE_CODES.kicked. */
export interface KickedMessage {
  message: string;
}






export type { Terms };
