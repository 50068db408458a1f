import type { ChatLine, PrivateView } from '../../shared/protocol/messages.ts';
import { applyViewChanges } from '../../shared/protocol/privateView.ts';
import type { Store } from '../state/store.ts';
import type { AppState } from '../state/model.ts';
import { saveSecret } from './session.ts';
import { errorText } from './errors.ts';
import type { ServerHandlers } from './messages.ts';

// One handler per server message type (the table is keyed by SERVER_MESSAGES): each writes what its
// message carries into the store. Requests waiting for an answer are settled by their `ref`.

export type Pending = Map<string, { resolve: () => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }>;

export interface HandlerDeps {
  store: Store<AppState>;
  announce: (text: string) => void;
  pending: Pending;
  code: () => string;
  /** Save the session again (the host flag may have changed). */
  save: (host: boolean) => void;
  /** The server removed this browser from the match. */
  removed: (message: string) => void;
}

export function mergeChat(a: ChatLine[], b: ChatLine[]): ChatLine[] {
  const seen = new Map<string, ChatLine>();
  for (const l of [...a, ...b]) seen.set(`${l.id}:${l.from}:${l.to}`, l);
  return [...seen.values()].sort((x, y) => x.id - y.id);
}

export function serverHandlers(d: HandlerDeps): ServerHandlers {
  const settle = (ref: string | undefined, error: string | null) => {
    const p = ref ? d.pending.get(ref) : undefined;
    if (!p || !ref) return;
    d.pending.delete(ref);
    clearTimeout(p.timer);
    if (error === null) p.resolve(); else p.reject(new Error(error));
  };
  /** Show a private view (whole, or the one shown with its changes); a new proposal to this nation is announced. */
  const showView = (priv: PrivateView, whole: boolean): void => {
    const st = d.store.get();
    const before = new Set((st.priv?.proposals ?? []).map((x) => x.id));
    for (const prop of priv.proposals) {
      if (!before.has(prop.id) && prop.status === 'open' && priv.nation && prop.to.includes(priv.nation) && st.priv) {
        const from = st.game?.nations.find((n) => n.id === prop.from)?.name ?? prop.from;
        d.announce(`New proposal from ${from}: a ${prop.terms.kind === 'alliance' ? 'defensive alliance' : 'strategic partnership'}.`);
      }
    }
    d.store.set({ priv, chat: whole ? mergeChat(st.chat, priv.chat) : st.chat, playerId: priv.playerId ?? st.playerId, version: st.version + 1 });
  };
  return {
    error: (e) => {
      const text = errorText(e.code, e.message);
      d.store.set({ error: text });
      d.announce(text);
      settle(e.ref, text);
    },
    accepted: (a) => settle(a.ref, null),
    seat: (s) => {
      saveSecret(d.code(), s.secret);
      d.store.set({ playerId: s.playerId, isHost: s.host, waiting: s.waiting === true, projectorKey: s.projectorKey ?? null, version: d.store.get().version + 1 });
      d.save(s.host);
    },
    private: (priv) => showView(priv, true),
    // The changes of the view shown (the server sends the whole view first on every connection).
    privateChanges: (changes) => {
      const shown = d.store.get().priv;
      if (shown) showView(applyViewChanges(shown, changes), false);
    },
    teacher: (t) => d.store.set({ teacher: t }),
    chat: (line) => d.store.set({ chat: mergeChat(d.store.get().chat, [line]) }),
    shutdown: (m) => {
      d.store.set({ error: m.message });
      d.announce(m.message);
    },
    kicked: (m) => {
      d.announce(m.message);
      d.removed(m.message || 'The teacher removed you from this match.');
    },
  };
}
