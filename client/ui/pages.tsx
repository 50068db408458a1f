import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import { useDeps } from './match.ts';
import type { CreateOptions } from '../../shared/protocol/messages.ts';

// The pages that stand on their own, each in its own lazy chunk (the shared history, uPlot and Phaser
// stay out of the first load): the archive, the replay viewer, the class debrief and the glossary.

export type PageRoute = { kind: 'archive' } | { kind: 'replay'; id: string } | { kind: 'debrief'; id: string } | { kind: 'glossary' };

export function routeOf(path: string): PageRoute | null {
  const replay = /^\/replay\/([^/]+)/.exec(path)?.[1];
  if (replay) return { kind: 'replay', id: decodeURIComponent(replay) };
  const debrief = /^\/debrief\/([^/]+)/.exec(path)?.[1];
  if (debrief) return { kind: 'debrief', id: decodeURIComponent(debrief) };
  if (/^\/matches\/?$/.test(path)) return { kind: 'archive' };
  if (/^\/glossary\/?$/.test(path)) return { kind: 'glossary' };
  return null;
}

interface PageProps { id: string; host(options: CreateOptions): Promise<void> }

const loaders: Record<PageRoute['kind'], () => Promise<ComponentType<PageProps>>> = {
  archive: () => import('../archive/ArchivePage.tsx').then((m) => m.ArchivePage as ComponentType<PageProps>),
  replay: () => import('../replay/ReplayPage.tsx').then((m) => m.ReplayPage),
  debrief: () => import('../debrief/DebriefPage.tsx').then((m) => m.DebriefPage),
  glossary: () => import('../glossary/GlossaryPage.tsx').then((m) => m.GlossaryPage as ComponentType<PageProps>),
};

const loading = new Map<PageRoute['kind'], Promise<ComponentType<PageProps>>>();

/** Start loading a page's chunk (main.ts does it before the first render, so no time is lost). */
export function preload(kind: PageRoute['kind']): Promise<ComponentType<PageProps>> {
  let p = loading.get(kind);
  if (!p) loading.set(kind, (p = loaders[kind]()));
  return p;
}

export function Lazy({ route }: { route: PageRoute }) {
  const { conn } = useDeps();
  const [Page, setPage] = useState<ComponentType<PageProps> | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let alive = true;
    preload(route.kind).then((c) => { if (alive) setPage(() => c); }, (e: unknown) => setError(String(e)));
    return () => { alive = false; };
  }, [route.kind]);
  if (error) return <div class="home"><p class="error" role="alert">This page could not load ({error}). Reload to try again.</p></div>;
  if (!Page) return <div class="home"><p role="status">Loading{'\u2026'}</p></div>;
  // A fork hosted from the replay viewer goes on to the lobby like a match hosted from home.
  const host = async (options: CreateOptions) => { await conn.host(options); history.replaceState(null, '', '/'); };
  return <Page id={'id' in route ? route.id : ''} host={host} />;
}
