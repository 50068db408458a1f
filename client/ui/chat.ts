import { h, type Child } from './dom.ts';
import type { Ctx } from './context.ts';
import { nameIn } from './context.ts';
import type { ChatLine } from '../../shared/protocol/messages.ts';

// Chat: a public channel and a private one per nation, with unread badges.

let channel = 'all';
let text = '';
const seen = new Map<string, number>();

/** The channel a line belongs to for me (null when I only see it as the teacher reading others' talk). */
export function channelOf(line: ChatLine, me: string | null): string | null {
  if (line.to === 'all') return 'all';
  const self = me ?? 'host';
  if (line.from === self) return line.to;
  if (line.to === self) return line.from;
  return null;
}

export function unreadCounts(lines: ChatLine[], me: string | null, active: string | null): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of lines) {
    const c = channelOf(l, me);
    if (c === null || l.from === (me ?? 'host')) continue;
    if (c === active) continue;
    if (l.id <= (seen.get(c) ?? 0)) continue;
    out.set(c, (out.get(c) ?? 0) + 1);
  }
  return out;
}

export function totalUnread(ctx: Ctx, visible: boolean): number {
  let n = 0;
  for (const v of unreadCounts(ctx.st().chat, ctx.me(), visible ? channel : null).values()) n += v;
  return n;
}

export function chatPanel(ctx: Ctx, rerender: () => void): Child[] {
  const st = ctx.st();
  const s = ctx.rules();
  const me = ctx.me();
  const lines = st.chat;
  const mark = () => { const last = lines.filter((l) => channelOf(l, me) === channel).at(-1); if (last) seen.set(channel, Math.max(seen.get(channel) ?? 0, last.id)); };
  mark();
  const unread = unreadCounts(lines, me, channel);
  const teacherChannel = st.isHost && !me ? [] : st.meta && !st.meta.hostPlays ? ['host'] : [];
  const channels = ['all', ...teacherChannel, ...(s?.nations.filter((n) => n.id !== me).map((n) => n.id) ?? [])];
  const shown = lines.filter((l) => channelOf(l, me) === channel);
  const label = (c: string) => (c === 'all' ? 'Everyone' : c === 'host' ? 'Teacher' : nameIn(s, c));
  const send = (e: Event) => {
    e.preventDefault();
    const t = text.trim();
    if (!t) return;
    ctx.conn.send('chat', { to: channel, text: t.slice(0, 300) });
    text = '';
    rerender();
  };
  return [
    h('h2', {}, 'Talk'),
    st.meta?.teacherReads ? h('p', { class: 'banner' }, 'Your teacher can read private negotiations and chat in this match.') : '',
    st.meta?.chatFrozen ? h('p', { class: 'banner' }, 'The teacher has paused the chat.') : '',
    h('div', { class: 'row', role: 'group', 'aria-label': 'Channels' }, ...channels.map((c) => {
      const n = unread.get(c) ?? 0;
      return h('button', { type: 'button', class: `btn small ${c === channel ? 'primary' : ''}`, 'aria-pressed': c === channel ? 'true' : 'false', onclick: () => { channel = c; rerender(); } },
        label(c), n ? h('span', { class: 'badge unread', 'aria-label': `${n} unread` }, String(n)) : '');
    })),
    h('h3', {}, channel === 'all' ? 'Public channel' : `Private with ${label(channel)}`),
    h('ul', { class: 'chatlog', 'aria-label': `Messages: ${label(channel)}` }, ...(shown.length ? shown.map((l) => h('li', {}, h('strong', {}, `${l.fromName}: `), l.text)) : [h('li', { class: 'muted' }, 'No messages yet.')])),
    h('form', { class: 'row', onsubmit: send },
      h('label', { for: 'chat-input', class: 'visually-hidden' }, `Message to ${label(channel)}`),
      h('input', { id: 'chat-input', type: 'text', maxlength: 300, value: text, placeholder: `Message to ${label(channel)}`, style: 'flex:1', disabled: !!st.meta?.chatFrozen, oninput: (e: Event) => { text = (e.target as HTMLInputElement).value; } }),
      h('button', { class: 'btn', type: 'submit', disabled: !!st.meta?.chatFrozen }, 'Send')),
  ];
}
