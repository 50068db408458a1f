import type { ComponentChildren } from 'preact';
import { GLOSSARY } from '../../shared/glossary.ts';
import type { DebriefView, JournalEntry, NetworkGraph, TimelineEntry } from './model.ts';

// The debrief's pieces: concept links, the treaty networks (SVG), the timeline, moments and journals.

/** A concept word linked to its glossary entry (opens the glossary page at that word). */
export function ConceptLink({ k, children }: { k: string; children?: ComponentChildren }) {
  const e = GLOSSARY[k];
  if (!e) return <>{children ?? k}</>;
  return <a class="concept" href={`/glossary#${k}`} title={e.definition}>{children ?? e.term}</a>;
}

const linkable = Object.entries(GLOSSARY).filter(([k]) => !['alliance', 'partnership', 'crisis', 'trust', 'review', 'ties'].includes(k))
  .sort((a, b) => b[1].term.length - a[1].term.length);
const linkPattern = new RegExp(`\\b(${linkable.map(([, e]) => e.term.replace(/^the /, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'gi');

/** A sentence with glossary links on the concept words it contains. */
export function Linked({ line }: { line: string }) {
  return (
    <>
      {line.split(linkPattern).map((part, i) => {
        if (i % 2 === 0) return part;
        const hit = linkable.find(([, e]) => e.term.replace(/^the /, '').toLowerCase() === part.toLowerCase());
        return hit ? <ConceptLink key={i} k={hit[0]}>{part}</ConceptLink> : part;
      })}
    </>
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function Network({ net, caption = true }: { net: NetworkGraph; caption?: boolean }) {
  const size = 240;
  const pos = new Map(net.nodes.map((n) => [n.id, n]));
  const name = (id: string): string => pos.get(id)?.name ?? id;
  const desc = net.edges.length ? net.edges.map((e) => `${e.kind} ${name(e.a)}\u2013${name(e.b)}`).join('; ') : 'no treaties';
  // Parallel edges (an alliance and a partnership between the same pair) are offset side by side.
  const seen = new Map<string, number>();
  const alliances = net.edges.filter((e) => e.kind === 'alliance').length;
  return (
    <figure class="network">
      <svg viewBox={`0 0 ${size} ${size}`} width={size} height={size} role="img" aria-label={`Treaties at the ${net.label} (after year ${net.turn}): ${desc}`}>
        {net.edges.map((e, i) => {
          const a = pos.get(e.a);
          const b = pos.get(e.b);
          if (!a || !b) return null;
          const key = [e.a, e.b].sort().join('|');
          const k = seen.get(key) ?? 0;
          seen.set(key, k + 1);
          const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
          const ox = (-(b.y - a.y) / len) * k * 5;
          const oy = ((b.x - a.x) / len) * k * 5;
          return <line key={i} x1={a.x + ox} y1={a.y + oy} x2={b.x + ox} y2={b.y + oy} stroke={e.kind === 'alliance' ? '#1d232b' : '#0a5c8a'} stroke-width={e.kind === 'alliance' ? 3 : 2.5} stroke-dasharray={e.kind === 'partnership' ? '6 4' : undefined} />;
        })}
        {net.nodes.map((n) => (
          <g key={n.id}>
            <circle cx={n.x} cy={n.y} r={9} fill={n.color} stroke="#1d232b" stroke-width={1.5} />
            <text x={n.x} y={n.y < size / 2 ? n.y - 13 : n.y + 22} text-anchor="middle" font-size={12} fill="#1d232b">{n.name}</text>
          </g>
        ))}
      </svg>
      {caption ? <figcaption><strong>{net.label === 'start' ? 'Start' : net.label === 'middle' ? 'Middle' : 'End'}</strong> (after year {net.turn}): {plural(alliances, 'alliance link')} and {plural(net.edges.length - alliances, 'partnership link')}</figcaption> : null}
    </figure>
  );
}

const TYPE_LABEL: Record<TimelineEntry['type'], string> = {
  signed: 'signed', amended: 'amended', renewed: 'renewed', notice: 'notice', called: 'called', honoured: 'honoured',
  abstained: 'abstained', broken: 'broken', left: 'left', expired: 'expired', unreviewed: 'unreviewed',
};

export function Timeline({ v }: { v: DebriefView }) {
  const turns = [...new Set(v.timeline.map((e) => e.turn))].sort((a, b) => a - b);
  const name = (id: string): string => v.nations.find((n) => n.id === id)?.name ?? id;
  return (
    <section class="card" aria-labelledby="tl-title">
      <h2 id="tl-title">Timeline of treaties</h2>
      <p class="muted">Every treaty signed, called, honoured, abstained, broken, left or expired, year by year.</p>
      {turns.length ? (
        <ol class="timeline">
          {turns.map((t) => {
            const events = v.timeline.filter((e) => e.turn === t);
            // The routine renewals at review are folded into one line.
            const renewed = [...new Set(events.filter((e) => e.type === 'renewed').map((e) => [...e.nations].sort().map(name).join('\u2013')))];
            return (
              <li key={t}>
                <h3>Year {t}</h3>
                <ul>
                  {events.filter((e) => e.type !== 'renewed').map((e, i) => <li key={i} class={`tl-${e.type}`}><span class={`tag tag-${e.type}`}>{TYPE_LABEL[e.type]}</span> <Linked line={e.text} /></li>)}
                  {renewed.length ? <li class="tl-renewed"><span class="tag tag-renewed">renewed</span> Renewed at review: {renewed.join(', ')}.</li> : null}
                </ul>
              </li>
            );
          })}
        </ol>
      ) : <p>No treaty was signed in this match.</p>}
    </section>
  );
}

export function JournalLine({ j, withName = true }: { j: JournalEntry; withName?: boolean }) {
  return <li class="journal-line">{withName ? <strong>{j.player} ({j.name}), </strong> : null}year {j.turn}, {j.action}: {'\u201c'}{j.text}{'\u201d'}</li>;
}

export function Moments({ v }: { v: DebriefView }) {
  return (
    <section class="card" aria-labelledby="mo-title">
      <h2 id="mo-title">Key moments</h2>
      <p class="muted">Found in the record and named with the concept they show. Each opens the replay at that moment; students{'\u2019'} journal lines from that year sit beside them.</p>
      {v.moments.length ? (
        <ol class="moments">
          {v.moments.map((m, i) => (
            <li key={i} class="moment">
              <div class="moment-head">
                <span class="when">Year {m.moment.turn}, {m.moment.phase}</span>
                {m.concepts.map((c) => <span key={c.key} class="concept-tag"><ConceptLink k={c.key}>{c.word}</ConceptLink></span>)}
              </div>
              <p><Linked line={m.moment.text} /> <a class="no-print" href={m.replay}>See it in the replay</a></p>
              {m.journal.length ? <ul class="journal">{m.journal.map((j) => <JournalLine key={j.index} j={j} />)}</ul> : null}
            </li>
          ))}
        </ol>
      ) : <p>No key moment: nobody was called, nothing was broken, nothing was lost.</p>}
    </section>
  );
}

export function Journals({ v }: { v: DebriefView }) {
  const people = [...new Set(v.journal.map((j) => j.nation))];
  return (
    <section class="card" aria-labelledby="jo-title">
      <h2 id="jo-title">Decision journals</h2>
      {people.length ? (
        <div class="journals">
          {people.map((nation) => {
            const lines = v.journal.filter((j) => j.nation === nation);
            return <div key={nation}><h3>{lines[0]!.player} ({lines[0]!.name})</h3><ul class="journal">{lines.map((j) => <JournalLine key={j.index} j={j} withName={false} />)}</ul></div>;
          })}
        </div>
      ) : <p class="muted">No journal notes in this record. Students{'\u2019'} notes appear here only when the host chose, on creating the match, to share negotiations and journals in the debrief.</p>}
    </section>
  );
}
