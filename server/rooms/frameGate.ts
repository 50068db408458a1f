import { Protocol, type Client, type Room } from '@colyseus/core';
import { SERVER_ERRORS, type ErrorMessage } from '../../shared/protocol/messages.ts';
import { MAX_MESSAGE_BYTES } from '../limits.ts';
import { serverError, type Conn } from '../match/inbox.ts';

// The raw edge of a room: every frame a client sends (messages, pings, anything but the join handshake) counts against its
// connection's hard per-second cap before Colyseus decodes it, and a message over the size limit is
// answered instead of decoded. This wraps the room's internal `_onMessage`, which Colyseus binds per
// client at join; without it, pings are answered without limit.

const ROOM_DATA_CODES = new Set<number>([Protocol.ROOM_DATA, Protocol.ROOM_DATA_BYTES, Protocol.ROOM_REQUEST]);
const PROTOCOL_CODE_MASK = 0x1f;

function sendError(client: Client, code: 'rate_limited' | 'too_large', message?: string): void {
  const e = serverError(code, message);
  const msg: ErrorMessage = { code: e.code, message: e.message };
  client.send('error', msg);
}

export function installFrameGate(room: Room, connOf: (sessionId: string) => Conn | undefined, now: () => number): void {
  const target = room as unknown as { _onMessage: (client: Client, buffer: Uint8Array) => void };
  const original = target._onMessage;
  target._onMessage = function (this: Room, client: Client, buffer: Uint8Array): void {
    const conn = connOf(client.sessionId);
    // The join handshake's one frame is not the client's to spend; every other frame counts, pings included.
    if (conn && !(buffer?.[0] !== undefined && (buffer[0] & PROTOCOL_CODE_MASK) === Protocol.JOIN_ROOM)) {
      const hit = conn.window.hit(now());
      if (hit === 'drop') return;
      if (hit === 'refuse') return sendError(client, 'rate_limited');
    }
    if (buffer && buffer.length > MAX_MESSAGE_BYTES && ROOM_DATA_CODES.has(buffer[0]! & PROTOCOL_CODE_MASK)) {
      return sendError(client, 'too_large', `${SERVER_ERRORS.too_large} (at most ${MAX_MESSAGE_BYTES} bytes).`);
    }
    original.call(this, client, buffer);
  };
}
