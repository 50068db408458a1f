import { useState } from 'preact/hooks';
import type { NationId } from '../../shared/types.ts';
import { describeTerms, PHASE_INFO } from '../../shared/rules/index.ts';
import { currentMoment, nameOf, stateAt, type Replay } from './model.ts';
import { NationsPanel, YearPanel } from './YearPanels.tsx';

// The replay's side panels in tabs: every nation's figures, this year, the treaties, the key moments.

type Tab = 'nations' | 'year' | 'treaties' | 'moments';
const TABS: { id: Tab; label: string }[] = [
  { id: 'nations', label: 'Nations' }, { id: 'year', label: 'This year' }, { id: 'treaties', label: 'Treaties' }, { id: 'moments', label: 'Key moments' },
];

function Treaties({ r, pos }: { r: Replay; pos: number }) {
  const s = stateAt(r, pos);
  if (!s.treaties.length) return <p class="muted">No treaty in force at this moment.</p>;
  return (
    <ul class="treaty-list" id="replay-treaties">
      {s.treaties.map((t) => (
        <li key={t.id} class="term">
          <strong>{t.terms.kind === 'alliance' ? 'Defensive alliance' : 'Strategic partnership'}</strong>: {t.parties.map((p) => nameOf(s, p)).join(', ')}
          <p class="line">Signed in year {t.signed}; {describeTerms(s, t.terms)}.{t.noticeBy ? ` ${nameOf(s, t.noticeBy)} gave notice: it ends in year ${t.endsAt}.` : ''}</p>
        </li>
      ))}
    </ul>
  );
}

function Moments({ r, pos, go }: { r: Replay; pos: number; go: (p: number) => void }) {
  if (!r.moments.length) return <p class="muted">No key moments in this match.</p>;
  const cur = currentMoment(r, pos);
  return (
    <ol class="moments" id="replay-moments">
      {r.moments.map((m, i) => (
        <li key={m.index}>
          <button type="button" class="moment" aria-current={i === cur ? 'step' : undefined} onClick={() => go(m.index)}>
            <span class="when">Year {m.turn} · {PHASE_INFO[m.phase].title}</span>
            <span class="what">{m.text}</span>
            {m.concepts.length ? <span class="concepts">{m.concepts.map((c) => <span key={c} class="badge">{c.replace(/-/g, ' ')}</span>)}</span> : null}
          </button>
        </li>
      ))}
    </ol>
  );
}

export function ReplayPanels({ r, pos, go, selected, onSelect }: { r: Replay; pos: number; go: (p: number) => void; selected: NationId | null; onSelect: (n: NationId | null) => void }) {
  const [tab, setTab] = useState<Tab>('nations');
  const move = (e: KeyboardEvent) => {
    const i = TABS.findIndex((x) => x.id === tab);
    const next = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i + TABS.length - 1) % TABS.length : -1;
    if (next < 0) return;
    e.preventDefault();
    setTab(TABS[next]!.id);
    requestAnimationFrame(() => document.getElementById(`tab-${TABS[next]!.id}`)?.focus());
  };
  return (
    <aside class="side replay-side" aria-label="Details">
      <div class="tabs" role="tablist" aria-label="Details of this moment">
        {TABS.map((t) => (
          <button key={t.id} role="tab" id={`tab-${t.id}`} type="button" aria-selected={t.id === tab ? 'true' : 'false'} aria-controls="replay-panel" tabIndex={t.id === tab ? 0 : -1}
            onClick={() => setTab(t.id)} onKeyDown={move}>{t.label}</button>
        ))}
      </div>
      <div class="panel" role="tabpanel" id="replay-panel" tabIndex={0} aria-labelledby={`tab-${tab}`}>
        {tab === 'nations' ? <NationsPanel r={r} pos={pos} selected={selected} onSelect={onSelect} />
          : tab === 'year' ? <YearPanel r={r} pos={pos} />
          : tab === 'treaties' ? <Treaties r={r} pos={pos} />
          : <Moments r={r} pos={pos} go={go} />}
      </div>
    </aside>
  );
}
