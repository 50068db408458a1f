import { signal } from '@preact/signals';
import { MAX_NOTE } from '../../shared/types.ts';
import type { ClientMessage, ClientMessageType } from '../../shared/protocol/messages.ts';
import type { Connection } from '../net/connection.ts';

// The decision journal: a one-line "why?" beside every decision, stored with the action in the match log
// and read back in the class debrief. Each field's text lives in one signal (keyed by the field's id), so
// it survives re-renders and tab switches, and is cleared only once the server accepted the decision.

export const notes = signal<Record<string, string>>({});

export const noteOf = (id: string): { note?: string } => {
  const v = (notes.peek()[id] ?? '').trim();
  return v ? { note: v.slice(0, MAX_NOTE) } : {};
};

export function clearNote(id: string): void {
  const { [id]: _gone, ...rest } = notes.peek();
  notes.value = rest;
}

export function resetNotes(): void {
  notes.value = {};
}

type WithNote = { [T in ClientMessageType]: ClientMessage<T> extends { note?: string } ? T : never }[ClientMessageType];

/** Send a decision with its journal line; the line is cleared when the server accepts it. */
export function decide<T extends WithNote>(conn: Connection, type: T, payload: Omit<ClientMessage<T>, 'ref' | 'note'>, noteId: string): Promise<void> {
  return conn.request(type, { ...payload, ...noteOf(noteId) } as Omit<ClientMessage<T>, 'ref'>).then(() => clearNote(noteId), () => undefined);
}

export function NoteField({ id, label = 'Why? (decision journal, optional)' }: { id: string; label?: string }) {
  return (
    <div class="field">
      <label for={id} style="font-weight:400">{label}</label>
      <input id={id} type="text" maxLength={MAX_NOTE} placeholder="optional, one line" value={notes.value[id] ?? ''}
        onInput={(e) => { notes.value = { ...notes.peek(), [id]: e.currentTarget.value }; }} />
    </div>
  );
}
