import { z } from 'zod';
import { CALL_ANSWERS, CRISIS_TYPES, REVIEW_DECISIONS } from '../types.ts';
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
  advance: z.strictObject({ ref }),
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

/** What only one seat may see: sent to that client alone (never in the shared state). */
export interface PrivateView {
  nation: NationId | null;
  /** Proposals this nation sent or received, with the assessment for this nation beside each. */
  proposals: (Proposal & { assessment: Assessment | null })[];
  /** This nation's own relations (its trust in others, its ties and dependence). */
  relations: Record<NationId, Pair>;
  /** Others' trust in this nation is public standing; its own view of them is private. */
  policy: Policy | null;
  calls: Call[];
  /** Private negotiation events involving this nation. */
  events: GameEvent[];
  chat: ChatLine[];
  teacherReads: boolean;
}

/** The teacher's view of negotiations, when the match settings allow it. */
export interface TeacherView {
  proposals: Proposal[];
  chat: ChatLine[];
  policies: Record<NationId, Policy | null>;
}

export interface SeatSecretMessage {
  secret: string;
  nation: NationId | null;
  nickname: string;
}

export type { Terms };
