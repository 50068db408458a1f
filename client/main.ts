import { h, render } from 'preact';
import { Connection } from './net/connection.ts';
import { clearSession, loadSession } from './net/session.ts';
import { bus } from './game/bus.ts';
import { announce, announcePhases } from './ui/live.ts';
import { App, page, resuming } from './ui/App.tsx';
import { preload, routeOf } from './ui/pages.tsx';
import { normaliseCode } from './view/names.ts';

// Entry: the projector page has its own lazy chunk and connection; everything else is the app, which
// rejoins a seat after a reload — unless the address is a join link for another match, which wins.

const root = document.getElementById('app')!;
const projector = /^\/projector\/([^/]+)/.exec(location.pathname)?.[1];

if (projector) {
  void import('./projector/ProjectorPage.tsx').then((m) => render(h(m.ProjectorPage, { code: decodeURIComponent(projector) }), root));
} else {
  const conn = new Connection(announce);
  announcePhases(conn.store);
  page.value = routeOf(location.pathname);
  if (page.value) void preload(page.value.kind).catch(() => undefined);
  const linked = normaliseCode(new URLSearchParams(location.search).get('code') ?? '');
  const saved = loadSession();
  // A new join link on a browser that played an earlier match opens the new match's join.
  if (saved && linked && linked !== saved.code) clearSession();
  if (!page.value && loadSession()) {
    resuming.value = true;
    void conn.resume().finally(() => { resuming.value = false; });
  }
  render(h(App, { deps: { conn, bus } }), root);
}
