import { useMatch } from '../match.ts';
import { unreadTotal } from '../chat/unread.ts';
import { Negotiate } from '../negotiate/Negotiate.tsx';
import { TreatiesPanel } from '../TreatiesPanel.tsx';
import { ChatPanel } from '../chat/ChatPanel.tsx';
import { NewsPanel } from '../NewsPanel.tsx';
import { NationPanel } from '../NationPanel.tsx';
import { GlossaryPanel } from '../GlossaryPanel.tsx';
import { TeacherConsole } from '../teacher/TeacherConsole.tsx';
import { chatChannel } from '../chat/unread.ts';

// The side panels in tabs (arrow keys move between tabs), with the banners students must see.

export type Tab = 'negotiate' | 'nation' | 'treaties' | 'chat' | 'news' | 'glossary' | 'teacher';

export function Panels({ tab, setTab, glossary }: { tab: Tab; setTab: (t: Tab) => void; glossary: string | null }) {
  const { st, me } = useMatch();
  const incoming = (st.priv?.proposals ?? []).filter((p) => p.status === 'open' && me && p.to.includes(me) && !p.accepted.includes(me)).length;
  const unread = unreadTotal(st.chat, me, tab === 'chat' ? chatChannel.value : null);
  const list: [Tab, string, number][] = [];
  if (me) list.push(['negotiate', 'Negotiate', incoming], ['nation', 'My nation', 0]);
  list.push(['treaties', 'Treaties', 0], ['chat', 'Chat', unread], ['news', 'News', 0], ['glossary', 'Glossary', 0]);
  if (st.isHost) list.push(['teacher', 'Teacher', 0]);
  const order = list.map((x) => x[0]);
  const current = order.includes(tab) ? tab : order[0]!;
  const move = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const i = order.indexOf(current);
    const next = order[(i + (e.key === 'ArrowRight' ? 1 : order.length - 1)) % order.length]!;
    setTab(next);
    requestAnimationFrame(() => document.getElementById(`tab-${next}`)?.focus());
  };
  return (
    <>
      {st.meta?.teacherReads && me ? <p class="banner">Your teacher can read the negotiations in this match.</p> : null}
      {st.meta?.publishNegotiations && me && st.game?.turn === 1 ? <p class="banner">After the match, negotiations and your decision-journal notes are shown in the class debrief.</p> : null}
      {st.error ? <p class="banner" role="alert">{st.error}</p> : null}
      <div class="tabs" role="tablist" aria-label="Panels">
        {list.map(([id, label, badge]) => (
          <button key={id} role="tab" type="button" id={`tab-${id}`} aria-selected={current === id ? 'true' : 'false'} aria-controls="panel"
            tabIndex={current === id ? 0 : -1} onClick={() => setTab(id)} onKeyDown={move}>
            {label}{badge ? <span class="badge unread" aria-label={`${badge} new`}> {badge}</span> : null}
          </button>
        ))}
      </div>
      <div class="panel" role="tabpanel" id="panel" tabIndex={0} aria-labelledby={`tab-${current}`}>
        {current === 'negotiate' ? <Negotiate onAmendOpened={() => setTab('negotiate')} />
          : current === 'treaties' ? <TreatiesPanel onAmend={() => setTab('negotiate')} />
          : current === 'chat' ? <ChatPanel />
          : current === 'news' ? <NewsPanel />
          : current === 'nation' ? <NationPanel />
          : current === 'glossary' ? <GlossaryPanel focus={glossary} />
          : <TeacherConsole />}
      </div>
    </>
  );
}
