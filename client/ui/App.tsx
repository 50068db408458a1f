import { useLayoutEffect } from 'preact/hooks';
import { signal } from '@preact/signals';
import type { AppState } from '../state/model.ts';
import { Deps, useDeps, type AppDeps } from './match.ts';
import { Home } from './home/Home.tsx';
import { Lobby } from './lobby/Lobby.tsx';
import { Game } from './game/Game.tsx';
import { End } from './End.tsx';
import { Waiting } from './Waiting.tsx';
import { resetDraft } from './negotiate/draft.ts';
import { resetNotes } from './journal.tsx';
import { resetChat } from './chat/unread.ts';
import { Lazy, type PageRoute } from './pages.tsx';

// The app: one screen at a time, chosen from the store (home, waiting, lobby, game, end) or, with no
// match, from the address (archive, replay, debrief, glossary). Each new screen opens at the top of the
// page; leaving a match clears everything of it.

type Screen = 'home' | 'resuming' | 'waiting' | 'lobby' | 'game' | 'end' | 'page';

/** True while a reloaded page is reclaiming its seat. */
export const resuming = signal(false);
/** The page the address names when no match is on screen (home when null). */
export const page = signal<PageRoute | null>(null);

function screenFor(st: AppState): Screen {
  if (!st.meta) return resuming.value ? 'resuming' : page.value ? 'page' : 'home';
  if (st.meta.over) return 'end';
  if (st.waiting) return 'waiting';
  return st.meta.started ? 'game' : 'lobby';
}

const TITLES: Record<Screen, string> = { home: 'Entente', resuming: 'Entente', waiting: 'Entente · waiting', lobby: 'Entente · lobby', game: 'Entente · game', end: 'Entente · the end', page: 'Entente' };

/** Forget the match on screen; the home page keeps a join link's code when it names another match. */
export async function leaveMatch(deps: AppDeps): Promise<void> {
  const left = deps.conn.code;
  await deps.conn.leave();
  forgetMatch();
  const code = new URLSearchParams(location.search).get('code');
  history.replaceState(null, '', code && code.toUpperCase() !== left ? `/?code=${encodeURIComponent(code)}` : '/');
  page.value = null;
}

export function forgetMatch(): void {
  resetDraft();
  resetNotes();
  resetChat();
}

function Status({ st }: { st: AppState }) {
  const text = st.status === 'reconnecting' ? 'Reconnecting\u2026' : '';
  return <div id="status" class="status" role="status" aria-live="polite" hidden={!text}>{text}</div>;
}

function Screens() {
  const deps = useDeps();
  const st = deps.conn.store.value;
  const screen = screenFor(st);
  const leave = () => void leaveMatch(deps);
  useLayoutEffect(() => {
    window.scrollTo(0, 0);
    document.title = TITLES[screen];
    document.documentElement.dataset.screen = screen;
    if (screen === 'home' && st.status === 'closed') forgetMatch();
  }, [screen]);
  return (
    <>
      <Status st={st} />
      {screen === 'home' ? <Home notice={st.status === 'closed' || st.status === 'idle' ? st.error : null} />
        : screen === 'resuming' ? <div class="home"><h1>Entente</h1><p role="status">Reconnecting{'\u2026'}</p></div>
        : screen === 'waiting' ? <Waiting onLeave={leave} />
        : screen === 'lobby' ? <Lobby />
        : screen === 'game' ? <Game onLeave={leave} />
        : screen === 'end' ? <End onLeave={leave} />
        : <Lazy route={page.value!} />}
    </>
  );
}

export function App({ deps }: { deps: AppDeps }) {
  return <Deps.Provider value={deps}><Screens /></Deps.Provider>;
}
