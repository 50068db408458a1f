import { signal } from '@preact/signals';
import type { ChatLine } from '../../../shared/protocol/messages.ts';

// Chat channels and unread counts: a public channel, one per nation, and the teacher's. `seen` keeps the
// last line id read per channel, so badges count only what arrived since.

export const chatChannel = signal('all');
export const seen = signal<Record<string, number>>({});

/** The channel a line belongs to for me (null when I only see it as the teacher reading others' talk). */
export function channelOf(line: ChatLine, me: string | null): string | null {
  if (line.to === 'all') return 'all';
  const self = me ?? 'host';
  if (line.from === self) return line.to;
  if (line.to === self) return line.from;
  return null;
}

export function unreadCounts(lines: ChatLine[], me: string | null, active: string | null, read: Record<string, number> = seen.value): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of lines) {
    const c = channelOf(l, me);
    if (c === null || l.from === (me ?? 'host') || c === active) continue;
    if (l.id <= (read[c] ?? 0)) continue;
    out.set(c, (out.get(c) ?? 0) + 1);
  }
  return out;
}

export function unreadTotal(lines: ChatLine[], me: string | null, active: string | null): number {
  let n = 0;
  for (const v of unreadCounts(lines, me, active).values()) n += v;
  return n;
}

/** Mark a channel read up to its last line. */
export function markRead(lines: ChatLine[], me: string | null, channel: string): void {
  const last = lines.filter((l) => channelOf(l, me) === channel).at(-1);
  if (last && (seen.peek()[channel] ?? 0) < last.id) seen.value = { ...seen.peek(), [channel]: last.id };
}

export function resetChat(): void {
  chatChannel.value = 'all';
  seen.value = {};
}
