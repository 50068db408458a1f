import type { z } from 'zod';
import { ACTION_MESSAGES, HOST_MESSAGES, MAX_CHAT, SEAT_MESSAGES, SERVER_ERRORS, TEAM_MESSAGES } from '../../shared/protocol/messages.ts';
import { Bucket, MESSAGES_PER_SECOND, TYPE_LIMITS, Window } from '../limits.ts';

// Every client message is checked here before anything acts on it: a known type, within its per-type
// rate, no actor field, a payload its schema in shared/protocol accepts. What fails is answered with an
// error; nothing here changes the match.

export type Kind = 'action' | 'seat' | 'team' | 'host';
export type Fail = { code: string; message: string };

const KINDS = new Map<string, Kind>([
  ...Object.keys(ACTION_MESSAGES).map((k): [string, Kind] => [k, 'action']),
  ...Object.keys(SEAT_MESSAGES).map((k): [string, Kind] => [k, 'seat']),
  ...Object.keys(TEAM_MESSAGES).map((k): [string, Kind] => [k, 'team']),
  ...Object.keys(HOST_MESSAGES).map((k): [string, Kind] => [k, 'host']),
]);
const SCHEMAS: Record<string, z.ZodType> = { ...ACTION_MESSAGES, ...SEAT_MESSAGES, ...TEAM_MESSAGES, ...HOST_MESSAGES };

export const serverError = (code: keyof typeof SERVER_ERRORS, message?: string): Fail => ({ code, message: message ?? SERVER_ERRORS[code] });

/** Rate-limit state of one connection: the hard frame cap and the per-type buckets. */
export interface Conn {
  window: Window;
  buckets: Map<string, Bucket>;
}

export const newConn = (): Conn => ({ window: new Window(MESSAGES_PER_SECOND), buckets: new Map() });

export type Parsed = { ok: true; kind: Kind; name: string; data: Record<string, unknown> } | { ok: false; error: Fail };

/** The `ref` a client attached to a message, if any (echoed in the answer). */
export function refOf(message: unknown): string | undefined {
  return message && typeof message === 'object' && typeof (message as { ref?: unknown }).ref === 'string' ? (message as { ref: string }).ref.slice(0, 24) : undefined;
}

/** Check a decoded message: a known type, within its per-type limit, no actor field, valid payload. */
export function parseClientMessage(type: string | number, message: unknown, conn: Conn, now: number): Parsed {
  const kind = typeof type === 'string' ? KINDS.get(type) : undefined;
  if (!kind) return { ok: false, error: serverError('unknown_type', `${SERVER_ERRORS.unknown_type} ("${String(type).slice(0, 40)}")`) };
  const name = type as string;
  const limit = TYPE_LIMITS[name];
  if (limit) {
    let bucket = conn.buckets.get(name);
    if (!bucket) {
      bucket = new Bucket(limit.capacity, limit.perSecond, now);
      conn.buckets.set(name, bucket);
    }
    if (!bucket.take(now)) return { ok: false, error: serverError('rate_limited', `Too many ${name} messages: wait a few seconds.`) };
  }
  const payload = message === undefined || message === null ? {} : message;
  if (kind === 'action' && typeof payload === 'object' && Object.hasOwn(payload, 'by')) return { ok: false, error: serverError('no_actor') };
  const text = (payload as { text?: unknown }).text;
  if (name === 'chat' && typeof text === 'string' && [...text].length > MAX_CHAT) return { ok: false, error: serverError('chat_too_long') };
  const parsed = SCHEMAS[name]!.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: serverError('bad_message', `${SERVER_ERRORS.bad_message} ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`) };
  }
  return { ok: true, kind, name, data: parsed.data as Record<string, unknown> };
}
