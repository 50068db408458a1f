import { signal } from '@preact/signals';
import type { NationId, Proposal, Terms, Treaty, TreatyKind } from '../../../shared/types.ts';
import { defaultTerms } from '../../view/terms.ts';

// The proposal being written: invitees, kind and terms, and whether it counters a proposal or amends a
// treaty at its review. A signal, so it survives tab switches and every re-render; it is cleared only once
// the server accepted the proposal (a refusal loses nothing).

export interface Draft {
  to: NationId[];
  kind: TreatyKind;
  terms: Terms;
  counterOf: string | null;
  /** Treaty whose terms this proposal would replace at its review. */
  amends: string | null;
}

const empty = (): Draft => ({ to: [], kind: 'partnership', terms: defaultTerms('partnership'), counterOf: null, amends: null });

export const draft = signal<Draft>(empty());
/** "Sending…" while the server has not answered; the sentence shown after it accepted. */
export const sending = signal(false);
export const sentNote = signal('');

export const COMPOSE_NOTE = 'note-compose';

export function resetDraft(): void {
  draft.value = empty();
}

export function patchDraft(p: Partial<Draft>): void {
  draft.value = { ...draft.peek(), ...p };
  sentNote.value = '';
}

/** Open the composer to amend a treaty at its review: same parties, its terms to edit. */
export function startAmend(t: Treaty, me: NationId): void {
  draft.value = { to: t.parties.filter((p) => p !== me), kind: t.terms.kind, terms: { ...t.terms }, counterOf: null, amends: t.id };
}

/** Open the composer as a counter to a proposal, with its terms to edit. */
export function startCounter(p: Proposal): void {
  draft.value = { to: [p.from], kind: p.terms.kind, terms: { ...p.terms }, counterOf: p.id, amends: null };
}
