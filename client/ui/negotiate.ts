import type { GameState, NationId, Proposal, Terms, Treaty, TreatyKind } from '../../shared/types.ts';
import type { Assessment } from '../../shared/rules/index.ts';
import { describeTerms, termLines } from '../../shared/rules/index.ts';
import { h, type Child } from './dom.ts';
import { term } from './glossary.ts';
import { assessFor, assessmentCard, defaultTerms, kindName, previewBlocks, proposalProblem, setTerm, termFields, type AssessmentCard } from '../view/terms.ts';
import { signed } from '../view/format.ts';
import type { Ctx } from './context.ts';
import { nameIn } from './context.ts';

// The negotiation table: compose a proposal (invitees, kind, every term with its plain line, a preview
// from the rules), and beside every proposal sent or received the assessment card; accept, reject,
// counter (edit the terms), withdraw. A one-line optional note travels with signing decisions.

interface Draft {
  to: NationId[];
  kind: TreatyKind;
  terms: Terms;
  note: string;
  counterOf: string | null;
  /** Treaty whose terms this proposal would replace at its review. */
  amends: string | null;
}

const draft: Draft = { to: [], kind: 'partnership', terms: defaultTerms('partnership'), note: '', counterOf: null, amends: null };
const notes = new Map<string, string>();
let sending = false;
let sentNote = '';

export function resetDraft(): void {
  draft.to = [];
  draft.kind = 'partnership';
  draft.terms = defaultTerms('partnership');
  draft.note = '';
  draft.counterOf = null;
  draft.amends = null;
}

/** Open the composer to amend a treaty at its review: same parties, its terms to edit. */
export function startAmend(t: Treaty, me: NationId): void {
  resetDraft();
  draft.amends = t.id;
  draft.kind = t.terms.kind;
  draft.terms = { ...t.terms };
  draft.to = t.parties.filter((p) => p !== me);
}

/** Open the composer as a counter to a proposal, with its terms to edit. */
export function startCounter(p: Proposal): void {
  draft.counterOf = p.id;
  draft.kind = p.terms.kind;
  draft.terms = { ...p.terms };
  draft.to = [p.from];
  draft.note = '';
}

export function assessmentView(card: AssessmentCard, id: string): HTMLElement {
  return h('div', { class: 'assessment', role: 'group', 'aria-labelledby': `${id}-t` },
    h('h4', { id: `${id}-t`, style: 'margin:.1rem 0 .3rem' }, card.title, ` (${signed(card.total)})`),
    h('table', {},
      h('thead', { class: 'visually-hidden' }, h('tr', {}, h('th', {}, 'Factor'), h('th', {}, 'For you'), h('th', {}, 'Why'))),
      h('tbody', {}, ...card.rows.map((r) => h('tr', {},
        h('th', { scope: 'row' }, r.label),
        h('td', { class: `word-${r.word}` }, `${r.word} (${signed(r.value)})`),
        h('td', {}, r.reason))))));
}

function cardFor(s: GameState, me: NationId, p: Proposal & { assessment?: Assessment | null }): AssessmentCard {
  return p.assessment ? assessmentCard(p.assessment) : assessFor(s, me, p);
}

function termList(s: GameState, t: Terms): HTMLElement {
  return h('ul', { style: 'margin:.2rem 0 .4rem 1rem;padding:0' }, ...termLines(s, t).map((l) => h('li', {}, l.line)));
}

function noteInput(id: string, label: string): HTMLElement {
  return h('div', { class: 'field' },
    h('label', { for: id, style: 'font-weight:400' }, label),
    h('input', { id, type: 'text', maxlength: 140, value: notes.get(id) ?? '', placeholder: 'optional, one line', oninput: (e: Event) => notes.set(id, (e.target as HTMLInputElement).value) }));
}

const noteOf = (id: string): { note?: string } => {
  const v = (notes.get(id) ?? '').trim();
  notes.delete(id);
  return v ? { note: v } : {};
};

export function negotiatePanel(ctx: Ctx, rerender: () => void): Child[] {
  const s = ctx.rules();
  const me = ctx.me();
  const st = ctx.st();
  if (!s || !me) return [h('p', {}, 'The teacher watches the negotiations from the console.')];
  const proposals = (st.priv?.proposals ?? []) as (Proposal & { assessment?: Assessment | null })[];
  const incoming = proposals.filter((p) => p.status === 'open' && p.to.includes(me) && !p.accepted.includes(me));
  const sent = proposals.filter((p) => p.from === me && p.turn === s.turn);
  const diplomacy = s.phase === 'diplomacy' && !s.over;

  const incomingCards = incoming.map((p) => {
    const noteId = `note-${p.id}`;
    return h('article', { class: 'card proposal', 'aria-labelledby': `${p.id}-h` },
      h('h3', { id: `${p.id}-h` }, `${nameIn(s, p.from)} proposes a ${kindName(p.terms.kind).toLowerCase()}`, p.to.length > 1 ? ` (with ${p.to.filter((x) => x !== me).map((x) => nameIn(s, x)).join(', ')})` : ''),
      p.counterOf ? h('p', {}, h('strong', {}, 'A counter-proposal: '), 'the terms were changed from an earlier proposal.') : '',
      p.amends ? h('p', {}, h('strong', {}, 'An amendment: '), 'new terms for a treaty you already have, at its review.') : '',
      h('p', { class: 'muted' }, describeTerms(s, p.terms)),
      termList(s, p.terms),
      assessmentView(cardFor(s, me, p), `as-${p.id}`),
      noteInput(noteId, 'Why? (decision journal)'),
      h('div', { class: 'row', style: 'margin-top:.4rem' },
        h('button', { class: 'btn primary', type: 'button', disabled: !diplomacy, onclick: () => ctx.conn.send('accept', { proposal: p.id, ...noteOf(noteId) }) }, `Accept ${nameIn(s, p.from)}\u2019s proposal`),
        h('button', { class: 'btn', type: 'button', disabled: !diplomacy, onclick: () => { startCounter(p); rerender(); document.getElementById('composer-title')?.focus(); } }, 'Counter (edit the terms)'),
        h('button', { class: 'btn danger', type: 'button', disabled: !diplomacy, onclick: () => ctx.conn.send('reject', { proposal: p.id, ...noteOf(noteId) }) }, 'Reject')));
  });

  const sentCards = sent.map((p) => h('article', { class: 'card proposal', 'aria-label': `Your proposal to ${p.to.map((x) => nameIn(s, x)).join(', ')}` },
    h('h3', {}, `You proposed a ${kindName(p.terms.kind).toLowerCase()} to ${p.to.map((x) => nameIn(s, x)).join(', ')}`),
    h('p', {}, h('strong', {}, `Status: ${p.status}`), p.accepted.length ? ` (accepted so far: ${p.accepted.map((x) => nameIn(s, x)).join(', ')})` : ''),
    h('p', { class: 'muted' }, describeTerms(s, p.terms)),
    assessmentView(cardFor(s, me, p), `as-${p.id}`),
    p.status === 'open' && diplomacy ? h('button', { class: 'btn small danger', type: 'button', onclick: () => ctx.conn.send('withdraw', { proposal: p.id }) }, 'Withdraw') : ''));

  return [
    incoming.length ? h('section', { 'aria-labelledby': 'incoming-title' }, h('h2', { id: 'incoming-title' }, `Proposals to you (${incoming.length})`), ...incomingCards) : '',
    composer(ctx, s, me, diplomacy, rerender),
    sentCards.length ? h('section', { 'aria-labelledby': 'sent-title' }, h('h2', { id: 'sent-title' }, 'Your proposals this turn'), ...sentCards) : '',
  ];
}

function composer(ctx: Ctx, s: GameState, me: NationId, diplomacy: boolean, rerender: () => void): HTMLElement {
  const others = s.nations.filter((n) => n.id !== me);
  const counter = draft.counterOf ? ctx.st().priv?.proposals.find((p) => p.id === draft.counterOf) : undefined;
  if (draft.counterOf && (!counter || counter.status !== 'open')) draft.counterOf = null;
  const parties = [me, ...draft.to];
  const fields = termFields(s, draft.terms, parties);
  const problem = draft.amends ? null : proposalProblem(s, me, draft.to, draft.terms);
  const blocks = draft.to.length ? previewBlocks(s, me, draft.to, draft.terms) : [];
  const assessment = draft.to.length && !problem ? assessFor(s, me, { from: me, to: draft.to, terms: draft.terms }) : null;

  const setKind = (k: TreatyKind) => { draft.kind = k; draft.terms = defaultTerms(k); rerender(); };
  const fieldControl = (f: (typeof fields)[number]): HTMLElement => {
    const id = `term-${f.key}`;
    const change = (v: string | number | boolean | null) => { draft.terms = setTerm(draft.terms, f.key, v); rerender(); };
    if (f.control.type === 'select') {
      return h('select', { id, 'aria-describedby': `${id}-line`, onchange: (e: Event) => change((e.target as HTMLSelectElement).value) },
        ...f.control.options.map((o) => h('option', { value: o.value, selected: o.value === f.value }, o.label)));
    }
    if (f.control.type === 'toggle') {
      return h('input', { id, type: 'checkbox', checked: f.value === true, 'aria-describedby': `${id}-line`, onchange: (e: Event) => change((e.target as HTMLInputElement).checked) });
    }
    const c = f.control;
    const number = h('input', { id, type: 'number', min: c.min, max: c.max, value: f.value === null ? '' : String(f.value), disabled: f.value === null, 'aria-describedby': `${id}-line`, style: 'width:5rem', onchange: (e: Event) => change(Number((e.target as HTMLInputElement).value)) });
    if (!c.allowNone) return number;
    return h('span', { class: 'row' }, number,
      h('label', { style: 'font-weight:400' }, h('input', { id: `${id}-none`, type: 'checkbox', checked: f.value === null, onchange: (e: Event) => change((e.target as HTMLInputElement).checked ? null : 6) }), ` ${c.allowNone}`));
  };

  const send = () => {
    if (problem || sending) return;
    const extra = noteOf('note-compose');
    const what = draft.counterOf ? 'Counter-proposal sent.' : 'Proposal sent.';
    const done = draft.counterOf
      ? ctx.conn.request('counter', { proposal: draft.counterOf, terms: draft.terms, ...extra })
      : ctx.conn.request('propose', { to: [...draft.to], terms: draft.terms, ...(draft.amends ? { amends: draft.amends } : {}), ...extra });
    sending = true;
    rerender();
    // The draft stays until the server accepts it, so a refusal loses nothing.
    done.then(() => { resetDraft(); sentNote = what; }, () => { sentNote = ''; })
      .finally(() => { sending = false; rerender(); });
  };

  return h('section', { class: 'card', 'aria-labelledby': 'composer-title', style: 'margin-bottom:.8rem' },
    h('h2', { id: 'composer-title', tabindex: -1 }, counter ? `Counter ${nameIn(s, counter.from)}\u2019s proposal` : draft.amends ? 'Amend a treaty at its review' : 'Propose a treaty'),
    draft.amends ? h('p', {}, 'Change the terms; the treaty keeps running under the new terms once every party accepts. ', h('button', { class: 'btn small', type: 'button', onclick: () => { resetDraft(); rerender(); } }, 'Cancel the amendment')) : '',
    s.turn === 1 && !counter && !draft.amends && !s.treaties.some((t) => t.parties.includes(me)) ? h('p', { class: 'banner', style: 'margin:.2rem 0 .6rem' },
      'First year tip: tick one to three nations, choose the kind of treaty, read what each term means, then send. Proposals to you appear above: read the assessment, then accept, counter or reject.') : '',
    counter ? h('p', {}, 'Change the terms below and send them back. ', h('button', { class: 'btn small', type: 'button', onclick: () => { resetDraft(); rerender(); } }, 'Cancel the counter')) : '',
    counter || draft.amends ? '' : h('fieldset', {}, h('legend', {}, 'To whom (1 to 3 nations)'),
      h('div', { class: 'row' }, ...others.map((n) => h('label', { style: 'font-weight:400' },
        h('input', { id: `to-${n.id}`, type: 'checkbox', checked: draft.to.includes(n.id), disabled: !draft.to.includes(n.id) && draft.to.length >= 3, onchange: (e: Event) => {
          const on = (e.target as HTMLInputElement).checked;
          draft.to = on ? [...draft.to, n.id] : draft.to.filter((x) => x !== n.id);
          rerender();
        } }), ` ${n.name}`)))),
    counter || draft.amends ? '' : h('fieldset', {}, h('legend', {}, 'Kind of treaty'),
      h('div', { class: 'row' },
        h('label', { style: 'font-weight:400' }, h('input', { id: 'kind-alliance', type: 'radio', name: 'kind', checked: draft.kind === 'alliance', onchange: () => setKind('alliance') }), ' Defensive alliance'),
        h('label', { style: 'font-weight:400' }, h('input', { id: 'kind-partnership', type: 'radio', name: 'kind', checked: draft.kind === 'partnership', onchange: () => setKind('partnership') }), ' Strategic partnership')),
      h('p', { class: 'muted', style: 'margin:.3rem 0 0' }, draft.kind === 'alliance'
        ? ['A ', term('alliance', 'defensive alliance'), ' is help when attacked: dormant until a crisis meets its terms (', term('casus-foederis'), '). It deters, but can drag you into ', term('entrapment'), '.']
        : ['A ', term('partnership', 'strategic partnership'), ' yields output every turn as ', term('ties'), ' grow. No duty to fight, but it builds ', term('dependence'), '.'])),
    h('div', { role: 'group', 'aria-label': 'Terms' }, ...fields.map((f) => h('div', { class: 'term' },
      h('div', { class: 'row' }, h('label', { for: `term-${f.key}` }, f.label), fieldControl(f)),
      h('p', { class: 'line', id: `term-${f.key}-line` }, f.line)))),
    blocks.length ? h('div', { class: 'stack', 'aria-label': 'Preview' }, h('h3', {}, 'Preview'),
      ...blocks.map((b) => h('div', {}, h('strong', {}, `With ${b.partnerName}:`), h('ul', { style: 'margin:.2rem 0 0 1rem;padding:0' }, ...b.lines.map((l) => h('li', {}, l)))))) : '',
    assessment ? assessmentView(assessment, 'as-draft') : '',
    noteInput('note-compose', 'Why this deal? (decision journal)'),
    problem && draft.to.length ? h('p', { class: 'error' }, problem) : '',
    h('div', { class: 'row', style: 'margin-top:.5rem' },
      h('button', { class: 'btn primary', type: 'button', disabled: !diplomacy || !!problem || sending, onclick: send },
        counter ? 'Send the counter-proposal' : draft.amends ? 'Propose the amendment' : 'Send the proposal'),
      sending ? h('span', { role: 'status' }, 'Sending\u2026') : sentNote && !draft.to.length ? h('span', { role: 'status' }, sentNote) : '',
      diplomacy ? '' : h('span', { class: 'muted' }, 'Proposals are made in the diplomacy phase.')),
  );
}
