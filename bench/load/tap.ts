import { Protocol, type Room } from '@colyseus/sdk';
import type { TurnBytes } from './ipc.ts';

// Counts the raw WebSocket message bytes one SDK room receives (its connection's frames, before the SDK
// decodes them), split by kind, so the bench can report bytes per turn to one client.

const MASK = 0x1f;

export class ByteTap {
  bytes = 0;
  frames = 0;
  byKind: Record<string, number> = {};

  constructor(room: Room) {
    const events = (room as unknown as { connection: { events: { onmessage?: (e: MessageEvent) => void } } }).connection.events;
    const original = events.onmessage;
    events.onmessage = (e: MessageEvent) => {
      const d = e.data as ArrayBuffer | Uint8Array;
      const bytes = d instanceof ArrayBuffer ? new Uint8Array(d) : d;
      this.frames++;
      this.bytes += bytes.byteLength;
      const kind = kindOf(bytes);
      this.byKind[kind] = (this.byKind[kind] ?? 0) + bytes.byteLength;
      original?.(e);
    };
  }

  /** The bytes since the last call, with the size of the full public state as JSON. */
  take(stateJson: number): TurnBytes {
    const t: TurnBytes = { bytes: this.bytes, frames: this.frames, byKind: this.byKind, stateJson };
    this.bytes = 0;
    this.frames = 0;
    this.byKind = {};
    return t;
  }
}

const textDecoder = new TextDecoder();

function kindOf(b: Uint8Array): string {
  const code = (b[0] ?? 0) & MASK;
  if (code === Protocol.ROOM_STATE_PATCH) return 'patch';
  if (code === Protocol.ROOM_STATE) return 'state';
  if (code === Protocol.ROOM_DATA) {
    // The message type follows as a msgpack-style string: a fixstr (0xa0 | len) in practice.
    const h = b[1] ?? 0;
    if ((h & 0xe0) === 0xa0) return textDecoder.decode(b.subarray(2, 2 + (h & 0x1f)));
    return 'data';
  }
  return 'other';
}
