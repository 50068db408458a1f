import { Protocol, type Client, type Room } from '@colyseus/core';
import type { z } from 'zod';
import { ACTION_MESSAGES, HOST_MESSAGES, MAX_CHAT, SEAT_MESSAGES, SERVER_ERRORS, type ErrorMessage } from '../../shared/protocol/messages.ts';
import { Bucket, MAX_MESSAGE_BYTES, MESSAGES_PER_SECOND, TYPE_LIMITS, Window } from '../limits.ts';

// The edge of a room: every client frame passes the per-connection hard cap and the size limit, then its
// type and payload are checked against shared/protocol. What fails gets an `error` answer; nothing here
// throws, kicks, or touches the game.

export type Kind = 'action' | 'seat' | 'host';
export type Fail = { code: string; message: string };

const KINDS = new Map<string, Kind>([
  ...Object.keys(ACTION_MESSAGES).map((k): [string, Kind] => [k, 'action']),
  ...Object.keys(SEAT_MESSAGES).map((k): [string, Kind] => [k, 'seat']),
  ...Object.keys(HOST_MESSAGES).map((k): [string, Kind] => [k, 'host']),
]);
const SCHEMAS: Record<string, z.ZodType> = { ...ACTION_MESSAGES, ...SEAT_MESSAGES, ...HOST_MESSAGES };
const PROTOCOL_CODE_MASK = 0x1f;

export const serverError = (code: keyof typeof SERVER_ERRORS, message?: string): Fail => ({ code, message: message ?? SERVER_ERRORS[code] });

/** Rate-limit state of one connection. */
export interface Conn {
  window: Window;
  buckets: Map<string, Bucket>;
}

export const newConn = (): Conn => ({ window: new Window(MESSAGES_PER_SECOND), buckets: new Map() });

export function sendError(client: Client, e: Fail, type?: string, ref?: string): void {
  const msg: ErrorMessage = { code: e.code, message: e.message };
  if (type !== undefined) msg.type = type;
  if (ref !== undefined) msg.ref = ref;
  client.send('error', msg);
}

/**
 * Colyseus decodes a frame, then validates it and kicks the sender (4002) when validation fails. We want
 * an answer instead, so no handler carries a validator: every message reaches the room through '*'. The
 * hard cap and the size limit are checked here, on the raw frame, before any decoding. (This wraps the
 * room's internal `_onMessage`, which Colyseus binds per client at join.)
 */
export function installFrameGate(room: Room, connOf: (sessionId: string) => Conn): void {
  const target = room as unknown as { _onMessage: (client: Client, buffer: Uint8Array) => void };
  const original = target._onMessage;
  target._onMessage = function (this: Room, client: Client, buffer: Uint8Array): void {
    if (buffer && buffer.length > 0) {
      const code = buffer[0]! & PROTOCOL_CODE_MASK;
      if (code === Protocol.ROOM_DATA || code === Protocol.ROOM_REQUEST || code === Protocol.ROOM_DATA_BYTES) {
        const hit = connOf(client.sessionId).window.hit(Date.now());
        if (hit === 'drop') return;
        if (hit === 'refuse') return sendError(client, serverError('rate_limited'));
        if (buffer.length > MAX_MESSAGE_BYTES) return sendError(client, serverError('too_large', `${SERVER_ERRORS.too_large} (at most ${MAX_MESSAGE_BYTES} bytes).`));
      }
    }
    original.call(this, client, buffer);
  };
}

export type Parsed = { ok: true; kind: Kind; name: string; data: Record<string, unknown> } | { ok: false; error: Fail };

/** The `ref` a client attached to a message, if any (echoed in the answer). */
export function refOf(message: unknown): string | undefined {
  return message && typeof message === 'object' && typeof (message as { ref?: unknown }).ref === 'string' ? (message as { ref: string }).ref.slice(0, 24) : undefined;
}

/** Check a decoded message: a known type, within its per-type limit, no actor field, valid payload. */
export function parseClientMessage(type: string | number, message: unknown, conn: Conn, now = Date.now()): Parsed {
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
