import { z } from 'zod';
import { CALL_ANSWERS, CRISIS_TYPES, PHASES, REVIEW_DECISIONS } from '../types.ts';
import type { Interest } from '../types.ts';
import type { Assessment } from '../rules/assess.ts';
import type { GameEvent, NationId, Pair, Policy, Proposal, Call, Terms } from '../types.ts';
import { termsSchema } from './terms.ts';

// The wire protocol between browser and server. Client messages are parsed here before the rules see
// them; the acting nation is never part of a payload: the server takes it from the sender's seat.
// Server messages are typed here so client and server agree. PROTOCOL.md documents every one.

const id = z.string().min(1).max(40);
const note = z.string().max(140).optional();
/** Each client message may carry a `ref` the server echoes in its answer, so a client can match replies. */
const ref = z.string().max(24).optional();

export const MAX_CHAT = 300;
export const NICKNAME = { min: 2, max: 16 } as const;

/** Game actions: the rules' actions minus the actor. Message type = action type. */
export const ACTION_MESSAGES = {
  propose: z.strictObject({ to: z.array(id).min(1).max(3), terms: termsSchema, amends: id.optional(), note, ref }),
  accept: z.strictObject({ proposal: id, note, ref }),
  reject: z.strictObject({ proposal: id, note, ref }),
  counter: z.strictObject({ proposal: id, terms: termsSchema, note, ref }),
  withdraw: z.strictObject({ proposal: id, note, ref }),
  notice: z.strictObject({ treaty: id, note, ref }),
  break: z.strictObject({ treaty: id, note, ref }),
  review: z.strictObject({ treaty: id, decision: z.enum(REVIEW_DECISIONS), note, ref }),
  policy: z.strictObject({ defence: z.number().int().min(0).max(100), demand: id.nullable(), note, ref }),
  respond: z.strictObject({ call: id, answer: z.enum(CALL_ANSWERS), note, ref }),
} as const;

/** Lobby and conversation messages, from any seated player. */
export const SEAT_MESSAGES = {
  pickSeat: z.strictObject({ nation: id, ref }),
  ready: z.strictObject({ ready: z.boolean(), ref }),
  /** `to` is a nation id for a private channel, or 'all' for the public channel. */
  chat: z.strictObject({ to: id, text: z.string().min(1).max(MAX_CHAT), ref }),
} as const;

/** Teacher (host) controls: refused for anyone but the host. */
export const HOST_MESSAGES = {
  start: z.strictObject({ ref }),
  pause: z.strictObject({ ref }),
  resume: z.strictObject({ ref }),
  /** Add (positive) or remove (negative) seconds from the current phase. */
  extend: z.strictObject({ seconds: z.number().int().min(-600).max(600), ref }),
  /** End the current phase now. With `phase`, only if that is still the current phase (a stale click does nothing). */
  advance: z.strictObject({ phase: z.enum(PHASES).optional(), ref }),
  inject: z.strictObject({ crisis: z.enum(CRISIS_TYPES), target: id, severity: z.number().int().min(1).max(100), ref }),
  freezeChat: z.strictObject({ frozen: z.boolean(), ref }),
  moveSeat: z.strictObject({ player: id, nation: id, ref }),
  kick: z.strictObject({ player: id, ref }),
  endMatch: z.strictObject({ ref }),
} as const;

export type ActionMessageType = keyof typeof ACTION_MESSAGES;
export type SeatMessageType = keyof typeof SEAT_MESSAGES;
export type HostMessageType = keyof typeof HOST_MESSAGES;
export type ClientMessageType = ActionMessageType | SeatMessageType | HostMessageType;
export type ClientMessage<T extends ClientMessageType> = z.infer<
  T extends ActionMessageType ? (typeof ACTION_MESSAGES)[T] : T extends SeatMessageType ? (typeof SEAT_MESSAGES)[T] : T extends HostMessageType ? (typeof HOST_MESSAGES)[T] : never
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
});
export type CreateOptions = z.infer<typeof createOptionsSchema>;

export const joinOptionsSchema = z.strictObject({
  nickname: z.string().max(64),
  /** The per-seat secret a browser kept, to reclaim its seat after a server restart. */
  secret: z.string().max(64).optional(),
});
export type JoinOptions = z.infer<typeof joinOptionsSchema>;

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
  to: NationId | 'all';
  text: string;
  turn: number;
}

/**
 * What only one seat may see: sent to that client alone (never in the shared state), as message `private`,
 * on (re)join and whenever any part of it other than `chat` changes. It replaces the previous one whole.
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
}

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

/** Chat lines kept in a `private` view. */
export const CHAT_HISTORY = 100;

/** Every message the server sends with `client.send` (the public state travels as schema patches). */
export const SERVER_MESSAGES = ['error', 'accepted', 'seat', 'private', 'teacher', 'chat', 'shutdown', 'kicked'] as const;
export type ServerMessageType = (typeof SERVER_MESSAGES)[number];

/**
 * Codes of `error` answers that come from the server rather than the rules (the rules' own codes are in
 * shared/rules/errors.ts and pass through unchanged).
 */
export const SERVER_ERRORS = {
  unknown_type: 'The server does not know that kind of message.',
  bad_message: 'That message is malformed.',
  no_actor: 'Do not say which nation acts: the server knows your seat.',
  too_large: 'That message is too large.',
  rate_limited: 'Too many messages at once: slow down a little.',
  not_host: 'Only the host can do that.',
  not_seated: 'You do not hold a nation, so you cannot do that.',
  not_started: 'The match has not started yet.',
  not_lobby: 'That can only be done before the match starts.',
  paused: 'The match is paused.',
  match_over: 'The match is over.',
  chat_frozen: 'The teacher has paused the chat.',
  chat_too_long: 'A chat message has at most 300 characters.',
  empty_chat: 'That message is empty.',
  bad_recipient: 'There is no one by that name in this match.',
  seat_taken: 'Someone already plays that nation.',
  seat_locked: 'You cannot change nation once the match has started.',
  unknown_player: 'There is no such player in this match.',
  shutting_down: 'The server is restarting; try again in a moment.',
  storage: 'The server could not save that, so it did not happen. Try again.',
  internal: 'Something went wrong on the server; nothing was changed.',
} as const;
export type ServerErrorCode = keyof typeof SERVER_ERRORS;

/**
 * Join refusals (onAuth/onJoin): the SDK's join promise rejects with this numeric `code` and a sentence.
 * Wrong room codes are answered by the matchmaker (HTTP 4xx, code 522) and counted per IP.
 */
export const JOIN_ERRORS = {
  bad_options: 4301,
  bad_nickname: 4302,
  offensive_nickname: 4303,
  nickname_taken: 4304,
  match_full: 4305,
  kicked: 4306,
  wrong_secret: 4307,
  match_over: 4308,
  bad_scenario: 4309,
  throttled: 4329,
} as const;

/** WebSocket close codes the server uses besides Colyseus' own (4000 consented, 4001 shutdown, 4002 error). */
export const CLOSE_CODES = {
  kicked: 4100,
  /** The same player joined again elsewhere (another tab or device): the older connection is closed. */
  replaced: 4101,
} as const;

export type { Terms };
