import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Seat secrets, device ids and projector keys: random tokens a browser keeps, stored only as hashes.

export const newSecret = (): string => randomBytes(18).toString('base64url');
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export function secretMatches(hash: string | undefined, secret: string | undefined): boolean {
  if (!hash || !secret) return false;
  const a = Buffer.from(hash, 'hex');
  const b = Buffer.from(hashSecret(secret), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
