import { RegExpMatcher, TextCensor, asteriskCensorStrategy, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { MAX_CHAT } from '../shared/protocol/messages.ts';

// Everything the server refuses or trims before it reaches the rules or another player's screen: text
// sanitising (control and bidi-override characters), chat with a profanity filter, message and body
// sizes, and the token buckets behind the per-connection and per-address rate limits. (Nicknames:
// ./nicknames.ts.)

/** Largest client message the room answers (bytes on the wire); bigger ones get `too_large`. */
export const MAX_MESSAGE_BYTES = 2048;
/** Hard WebSocket frame limit: a frame above it is refused by the socket itself (close 1009). */
export const MAX_WS_PAYLOAD = 32 * 1024;
/** How often the server pings each connection; two pings unanswered close it (server/app.ts). */
export const HEARTBEAT_MS = 10_000;
/** Hard cap of frames per second per connection (pings included); above it they are dropped, the first answered `rate_limited`. */
export const MESSAGES_PER_SECOND = 20;
/** Largest HTTP body read for matchmaking (join and create options are a few hundred bytes). */
export const MAX_MATCHMAKE_BODY = 8 * 1024;

// C0 and C1 controls, DEL, and the bidirectional embedding/override/isolate/mark characters.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Plain text only: controls and bidi overrides removed, Unicode normalised, blanks collapsed, trimmed. */
export function sanitizeText(input: string): string {
  return input.normalize('NFC').replace(CONTROL, ' ').replace(BIDI, '').replace(/\s+/g, ' ').trim();
}

const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
const censor = new TextCensor().setStrategy(asteriskCensorStrategy());

export const isOffensive = (text: string): boolean => matcher.hasMatch(text);

/** Chat keeps its meaning but loses the slurs: offensive words are replaced by asterisks. */
export function censorText(text: string): string {
  const matches = matcher.getAllMatches(text);
  return matches.length ? censor.applyTo(text, matches) : text;
}

export type ChatResult = { ok: true; text: string } | { ok: false; code: string; message: string };

export function checkChat(raw: string): ChatResult {
  if ([...raw].length > MAX_CHAT) return { ok: false, code: 'chat_too_long', message: `A chat message has at most ${MAX_CHAT} characters.` };
  const text = sanitizeText(raw);
  if (!text) return { ok: false, code: 'empty_chat', message: 'That message is empty.' };
  return { ok: true, text: censorText(text) };
}

/** A token bucket: `capacity` at once, refilled at `perSecond`. Time is passed in, so it is testable. */
export class Bucket {
  tokens: number;
  last: number;
  readonly capacity: number;
  readonly perSecond: number;
  constructor(capacity: number, perSecond: number, now: number) {
    this.capacity = capacity;
    this.perSecond = perSecond;
    this.tokens = capacity;
    this.last = now;
  }
  take(now: number, cost = 1): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }
  /** Would a take succeed now (without taking)? */
  peek(now: number, cost = 1): boolean {
    return Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond) >= cost;
  }
}

/** Gentler per-type limits on top of the hard cap: bursts allowed, sustained spam not. */
export const TYPE_LIMITS: Record<string, { capacity: number; perSecond: number }> = {
  chat: { capacity: 5, perSecond: 0.5 },
  propose: { capacity: 4, perSecond: 0.2 },
  counter: { capacity: 4, perSecond: 0.2 },
  pickSeat: { capacity: 5, perSecond: 0.5 },
  ready: { capacity: 10, perSecond: 1 },
};

/** Per-second hard cap per connection (a fixed window), answering the first refusal of each window only. */
export class Window {
  count = 0;
  resetAt = 0;
  warned = false;
  readonly limit: number;
  constructor(limit: number) {
    this.limit = limit;
  }
  /** 'ok', 'refuse' (first refusal in this window: answer it) or 'drop' (answer already sent). */
  hit(now: number): 'ok' | 'refuse' | 'drop' {
    if (now >= this.resetAt) {
      this.count = 0;
      this.resetAt = now + 1000;
      this.warned = false;
    }
    this.count += 1;
    if (this.count <= this.limit) return 'ok';
    if (this.warned) return 'drop';
    this.warned = true;
    return 'refuse';
  }
}

/**
 * Failed joins per IP (wrong room codes): a generous bucket, so a class behind one school address can
 * mistype a few codes, while guessing codes is hopeless (31^6 codes at a few tries a minute).
 */
export class JoinThrottle {
  readonly buckets = new Map<string, Bucket>();
  readonly capacity: number;
  readonly perSecond: number;
  constructor(capacity = 20, perMinute = 20) {
    this.capacity = capacity;
    this.perSecond = perMinute / 60;
  }
  private bucket(ip: string, now: number): Bucket {
    let b = this.buckets.get(ip);
    if (!b) {
      b = new Bucket(this.capacity, this.perSecond, now);
      this.buckets.set(ip, b);
      if (this.buckets.size > 10_000) this.sweep(now);
    }
    return b;
  }
  blocked(ip: string, now = Date.now()): boolean {
    return !this.bucket(ip, now).peek(now);
  }
  fail(ip: string, now = Date.now()): void {
    this.bucket(ip, now).take(now);
  }
  private sweep(now: number): void {
    for (const [ip, b] of this.buckets) if (b.peek(now, b.capacity)) this.buckets.delete(ip);
  }
}
