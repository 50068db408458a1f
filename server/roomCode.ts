import { randomInt } from 'node:crypto';

// Room codes: 6 characters a student can read off a projector, from an alphabet without look-alikes
// (no O/0, no I/1/L). The code is also the Colyseus room id and the match id in storage.

export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;
const CODE_RE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

export const isRoomCode = (s: unknown): s is string => typeof s === 'string' && CODE_RE.test(s);

/** A fresh random code that `taken` does not know. */
export function newRoomCode(taken: (code: string) => boolean): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    let code = '';
    for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    if (!taken(code)) return code;
  }
  throw new Error('could not find a free room code');
}
