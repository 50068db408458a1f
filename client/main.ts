import { Connection } from './net/connection.ts';
import { loadSession } from './net/session.ts';
import { bus } from './game/bus.ts';
import { announce, h, render } from './ui/dom.ts';
import { homeScreen } from './ui/home.ts';
import { lobbyScreen } from './ui/lobby.ts';
import { gameScreen } from './ui/game.ts';
import { endScreen } from './ui/end.ts';
import { makeCtx } from './ui/context.ts';
import type { AppState } from './state/model.ts';
import type { CreateOptions } from '../shared/protocol/messages.ts';

// Entry: pick the screen from the connection state (home, lobby, game, end), rejoin after a reload,
// and show "reconnecting…" while the connection is being restored.

type Screen = 'home' | 'lobby' | 'game' | 'end' | 'resuming';

const app = document.getElementById('app')!;
const status = document.getElementById('status')!;
const conn = new Connection(announce);
const ctx = makeCtx(conn, bus);
let current: Screen | null = null;
let cleanup: (() => void) | null = null;
let resuming = false;

function screenFor(st: AppState): Screen {
  if (!st.meta) return resuming ? 'resuming' : 'home';
  if (st.meta.over) return 'end';
  if (st.meta.started) return 'game';
  return 'lobby';
}

async function leave(): Promise<void> {
  await conn.leave();
  history.replaceState(null, '', '/');
  show('home', true);
}

function show(screen: Screen, force = false): void {
  if (screen === current && !force) return;
  cleanup?.();
  cleanup = null;
  current = screen;
  document.title = `Entente${screen === 'home' ? '' : ` \u00b7 ${screen}`}`;
  app.className = `screen-${screen}`;
  switch (screen) {
    case 'home': homeScreen(app, conn); break;
    case 'resuming': render(app, h('div', { class: 'home' }, h('h1', {}, 'Entente'), h('p', { role: 'status' }, 'Reconnecting\u2026'))); break;
    case 'lobby': cleanup = lobbyScreen(app, conn); break;
    case 'game': cleanup = gameScreen(app, ctx, () => void leave()); break;
    case 'end': cleanup = endScreen(app, ctx, () => void leave()); break;
  }
}

function showStatus(st: AppState): void {
  const text = st.status === 'reconnecting' ? 'Reconnecting\u2026' : st.status === 'closed' ? (st.error ?? 'Disconnected.') : '';
  status.hidden = !text;
  status.textContent = text;
}

conn.store.subscribe((st, prev) => {
  showStatus(st);
  if (st.status === 'closed' && prev.status !== 'closed') {
    // The server closed the room or removed us: back to the home page with the reason.
    setTimeout(() => { show('home', true); const e = document.getElementById('join-error'); if (e) e.textContent = st.error ?? ''; }, 1500);
    return;
  }
  show(screenFor(st));
});

const replayId = /^\/replay\/([^/]+)/.exec(location.pathname)?.[1];
// Teaching pages (issue 7), each in its own lazy chunk: the debrief of a finished match, and the glossary.
const debriefId = /^\/debrief\/([^/]+)/.exec(location.pathname)?.[1];
if (debriefId) {
  app.className = 'screen-debrief';
  void import('./debrief/page.ts').then((m) => m.debriefPage(app, decodeURIComponent(debriefId)));
} else if (/^\/glossary\/?$/.test(location.pathname)) {
  app.className = 'screen-glossary';
  void import('./glossary/page.ts').then((m) => m.glossaryPage(app));
} else if (replayId) {
  // The replay viewer and the archive (issue 6), each in its own lazy chunk. They stand in for the home
  // screen (current = 'home'), so a fork hosted from the viewer through conn.host moves on to the lobby
  // exactly like a match hosted from home, and the page's cleanup (the map) runs then.
  current = 'home';
  app.className = 'screen-replay';
  const host = async (options: CreateOptions): Promise<void> => { await conn.host(options); history.replaceState(null, '', '/'); };
  void import('./game/index.ts').catch(() => undefined); // Phaser starts loading beside the viewer's chunk
  void import('./replay/index.ts').then((m) => { cleanup = cleanup ?? m.replayPage(app, decodeURIComponent(replayId), { host }); });
} else if (/^\/matches\/?$/.test(location.pathname)) {
  current = 'home';
  app.className = 'screen-archive';
  void import('./archive/index.ts').then((m) => { cleanup = cleanup ?? m.archivePage(app); });
} else if (loadSession()) {
  resuming = true;
  show('resuming');
  void conn.resume().then((ok) => {
    resuming = false;
    if (ok) return;
    show('home', true);
    // Say why the seat could not be reclaimed (match over, removed...), where the join form shows errors.
    const why = conn.store.get().error;
    const line = document.getElementById('join-error');
    if (why && line) line.textContent = why;
  });
} else {
  show('home');
}
