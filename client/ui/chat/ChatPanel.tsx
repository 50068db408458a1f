import { useEffect, useState } from 'preact/hooks';
import { MAX_CHAT } from '../../net/protocol.ts';
import { useMatch, nameIn } from '../match.ts';
import { chatChannel, channelOf, markRead, unreadCounts } from './unread.ts';

// Chat: a public channel and a private one per nation (and the teacher's when the teacher only hosts),
// with unread badges.

export function ChatPanel() {
  const { st, rules: s, me, conn } = useMatch();
  const channel = chatChannel.value;
  const [text, setText] = useState('');
  const lines = st.chat;
  useEffect(() => markRead(lines, me, channel), [lines.length, channel]);
  const unread = unreadCounts(lines, me, channel);
  const teacherChannel = st.isHost && !me ? [] : st.meta && !st.meta.hostPlays ? ['host'] : [];
  const channels = ['all', ...teacherChannel, ...(s?.nations.filter((n) => n.id !== me).map((n) => n.id) ?? [])];
  const shown = lines.filter((l) => channelOf(l, me) === channel);
  const label = (c: string) => (c === 'all' ? 'Everyone' : c === 'host' ? 'Teacher' : nameIn(s, c));
  const frozen = !!st.meta?.chatFrozen;
  const send = (e: Event) => {
    e.preventDefault();
    const t = text.trim();
    if (!t) return;
    conn.send('chat', { to: channel, text: t.slice(0, MAX_CHAT) });
    setText('');
  };
  return (
    <>
      <h2>Talk</h2>
      {st.meta?.teacherReads ? <p class="banner">Your teacher can read private negotiations and chat in this match.</p> : null}
      {frozen ? <p class="banner">The teacher has paused the chat.</p> : null}
      <div class="row" role="group" aria-label="Channels">
        {channels.map((c) => {
          const n = unread.get(c) ?? 0;
          return (
            <button key={c} type="button" class={`btn small ${c === channel ? 'primary' : ''}`} aria-pressed={c === channel ? 'true' : 'false'} onClick={() => { chatChannel.value = c; }}>
              {label(c)}{n ? <span class="badge unread" aria-label={`${n} unread`}>{n}</span> : null}
            </button>
          );
        })}
      </div>
      <h3>{channel === 'all' ? 'Public channel' : `Private with ${label(channel)}`}</h3>
      <ul class="chatlog" aria-label={`Messages: ${label(channel)}`}>
        {shown.length ? shown.map((l) => <li key={l.id}><strong>{l.fromName}: </strong>{l.text}</li>) : <li class="muted">No messages yet.</li>}
      </ul>
      <form class="row" onSubmit={send}>
        <label for="chat-input" class="visually-hidden">Message to {label(channel)}</label>
        <input id="chat-input" type="text" maxLength={MAX_CHAT} value={text} placeholder={`Message to ${label(channel)}`} style="flex:1" disabled={frozen}
          onInput={(e) => setText(e.currentTarget.value)} />
        <button class="btn" type="submit" disabled={frozen}>Send</button>
      </form>
    </>
  );
}
