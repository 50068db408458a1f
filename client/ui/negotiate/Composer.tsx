import type { GameState, NationId, TreatyKind } from '../../../shared/types.ts';
import { assessFor, defaultTerms, previewBlocks, proposalProblem, setTerm, termFields } from '../../view/terms.ts';
import { useMatch, nameIn } from '../match.ts';
import { Term } from '../Term.tsx';
import { NoteField, clearNote, noteOf } from '../journal.tsx';
import { AssessmentView } from './AssessmentView.tsx';
import { TermEditor } from './TermEditor.tsx';
import { CounterChanges } from './CounterChanges.tsx';
import { COMPOSE_NOTE, draft, patchDraft, resetDraft, sending, sentNote } from './draft.ts';

// The proposal composer: invitees, kind, every term with its plain line, the rules' preview and the
// assessment, the journal line, and "Send". Also a counter (the terms of a proposal to edit and send
// back) and an amendment of a treaty at its review.

export function Composer({ s, me }: { s: GameState; me: NationId }) {
  const { st, conn } = useMatch();
  const d = draft.value;
  const diplomacy = s.phase === 'diplomacy' && !s.over;
  const counter = d.counterOf ? st.priv?.proposals.find((p) => p.id === d.counterOf && p.status === 'open') : undefined;
  const counterOf = counter ? d.counterOf : null;
  const others = s.nations.filter((n) => n.id !== me);
  const fields = termFields(s, d.terms, [me, ...d.to]);
  const problem = d.amends ? null : proposalProblem(s, me, d.to, d.terms);
  const blocks = d.to.length ? previewBlocks(s, me, d.to, d.terms) : [];
  const assessment = d.to.length && !problem ? assessFor(s, me, { from: me, to: d.to, terms: d.terms }) : null;
  const busy = sending.value;

  const setKind = (k: TreatyKind) => patchDraft({ kind: k, terms: defaultTerms(k) });
  const send = () => {
    if (problem || busy) return;
    const what = counterOf ? 'Counter-proposal sent.' : 'Proposal sent.';
    const note = noteOf(COMPOSE_NOTE);
    const done = counterOf
      ? conn.request('counter', { proposal: counterOf, terms: d.terms, ...note })
      : conn.request('propose', { to: [...d.to], terms: d.terms, ...(d.amends ? { amends: d.amends } : {}), ...note });
    sending.value = true;
    done.then(() => { resetDraft(); clearNote(COMPOSE_NOTE); sentNote.value = what; }, () => { sentNote.value = ''; })
      .finally(() => { sending.value = false; });
  };
  const title = counter ? `Counter ${nameIn(s, counter.from)}\u2019s proposal` : d.amends ? 'Amend a treaty at its review' : 'Propose a treaty';
  const why = !diplomacy ? 'Proposals are made in the diplomacy phase.' : problem && d.to.length ? problem : !d.to.length ? 'Choose at least one nation to invite.' : '';

  return (
    <section class="card" aria-labelledby="composer-title" style="margin-bottom:.8rem">
      <h2 id="composer-title" tabIndex={-1}>{title}</h2>
      {d.amends ? <p>Change the terms; the treaty keeps running under the new terms once every party accepts. <button class="btn small" type="button" onClick={resetDraft}>Cancel the amendment</button></p> : null}
      {s.turn === 1 && !counter && !d.amends && !s.treaties.some((t) => t.parties.includes(me)) ? (
        <p class="banner" style="margin:.2rem 0 .6rem">First year tip: tick one to three nations, choose the kind of treaty, read what each term means, then send. Proposals to you appear above: read the assessment, then accept, counter or reject.</p>
      ) : null}
      {counter ? <p>Change the terms below and send them back. <button class="btn small" type="button" onClick={resetDraft}>Cancel the counter</button></p> : null}
      {counter || d.amends ? null : (
        <fieldset>
          <legend>To whom (1 to 3 nations)</legend>
          <div class="row">
            {others.map((n) => (
              <label key={n.id} style="font-weight:400">
                <input id={`to-${n.id}`} type="checkbox" checked={d.to.includes(n.id)} disabled={!d.to.includes(n.id) && d.to.length >= 3}
                  onChange={(e) => patchDraft({ to: e.currentTarget.checked ? [...d.to, n.id] : d.to.filter((x) => x !== n.id) })} /> {n.name}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {counter || d.amends ? null : (
        <fieldset>
          <legend>Kind of treaty</legend>
          <div class="row">
            <label style="font-weight:400"><input id="kind-alliance" type="radio" name="kind" checked={d.kind === 'alliance'} onChange={() => setKind('alliance')} /> Defensive alliance</label>
            <label style="font-weight:400"><input id="kind-partnership" type="radio" name="kind" checked={d.kind === 'partnership'} onChange={() => setKind('partnership')} /> Strategic partnership</label>
          </div>
          <p class="muted" style="margin:.3rem 0 0">
            {d.kind === 'alliance'
              ? <>A <Term k="alliance">defensive alliance</Term> is help when attacked: dormant until a crisis meets its terms (<Term k="casus-foederis" />). It deters, but can drag you into <Term k="entrapment" />.</>
              : <>A <Term k="partnership">strategic partnership</Term> yields output every turn as <Term k="ties" /> grow. No duty to fight, but it builds <Term k="dependence" />.</>}
          </p>
        </fieldset>
      )}
      {counter ? <CounterChanges s={s} before={counter.terms} after={d.terms} parties={[me, counter.from]} /> : null}
      <div role="group" aria-label="Terms">
        {fields.map((f) => <TermEditor key={`${d.kind}-${f.key}`} f={f} onValue={(v) => patchDraft({ terms: setTerm(draft.peek().terms, f.key, v) })} />)}
      </div>
      {blocks.length ? (
        <div class="stack" aria-label="Preview" role="group">
          <h3>Preview</h3>
          {blocks.map((b) => <div key={b.partner}><strong>With {b.partnerName}:</strong><ul style="margin:.2rem 0 0 1rem;padding:0">{b.lines.map((l) => <li key={l}>{l}</li>)}</ul></div>)}
        </div>
      ) : null}
      {assessment ? <AssessmentView card={assessment} id="as-draft" /> : null}
      <NoteField id={COMPOSE_NOTE} label="Why this deal? (decision journal)" />
      <div class="row" style="margin-top:.5rem">
        <button class="btn primary" type="button" disabled={!diplomacy || !!problem || busy} aria-describedby="composer-why" onClick={send}>
          {counter ? 'Send the counter-proposal' : d.amends ? 'Propose the amendment' : 'Send the proposal'}
        </button>
        <span role="status">{busy ? 'Sending\u2026' : sentNote.value && !d.to.length ? sentNote.value : ''}</span>
        <span id="composer-why" class={problem && d.to.length ? 'error' : 'muted'}>{why}</span>
      </div>
    </section>
  );
}
