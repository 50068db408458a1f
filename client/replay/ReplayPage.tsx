import { useEffect, useState } from 'preact/hooks';
import type { CreateOptions, ChatLine } from '../../shared/protocol/messages.ts';
import type { MatchFile } from '../../shared/types.ts';
import { ApiError, fetchMatchFile, fetchNegotiations } from '../archive/api.ts';
import { makeReplay, positionFromQuery, quickPosition, type Replay } from './model.ts';
import { Viewer } from './Viewer.tsx';
import './replay.css';

// The replay viewer (/replay/<id>): loads the match file, replays only the prefix the first frame needs
// (the start, or a deep link's moment), shows it, then the whole match just after the first frame.

export interface Loaded { file: MatchFile; first: Replay; startAt: number; whole: boolean; published: boolean; chat: ChatLine[] }

async function load(id: string): Promise<Loaded | string> {
  try {
    const [file, neg] = await Promise.all([fetchMatchFile(id), fetchNegotiations(id).catch(() => ({ published: false, chat: [] as ChatLine[] }))]);
    performance.mark('replay-fetched');
    const params = new URLSearchParams(location.search);
    const linked = params.has('turn') || params.has('at');
    const quick = linked ? quickPosition(file, params) : 0;
    const built = makeReplay(id, quick === null ? file : { ...file, actions: file.actions.slice(0, quick) }, neg.published, neg.chat);
    performance.mark('replay-built');
    if (!built.ok) return built.message;
    return { file, first: built.replay, startAt: quick ?? positionFromQuery(built.replay, params) ?? 0, whole: quick === null || quick === file.actions.length, published: neg.published, chat: neg.chat };
  } catch (e) {
    const status = e instanceof ApiError ? e.status : 0;
    return status === 404 ? 'There is no match with that code in the archive.' : status === 409 ? 'This match is still being played: its replay opens when it ends.' : `The match could not be loaded: ${(e as Error).message}`;
  }
}

export function ReplayPage({ id, host }: { id: string; host(options: CreateOptions): Promise<void> }) {
  const [loaded, setLoaded] = useState<Loaded | string | null>(null);
  useEffect(() => {
    document.title = `Entente \u00b7 replay ${id}`;
    void import('../game/index.ts').catch(() => undefined); // Phaser starts loading beside the match file
    let alive = true;
    void load(id).then((l) => { if (alive) setLoaded(l); });
    return () => { alive = false; };
  }, [id]);
  if (loaded === null) return <div class="replay-loading home"><h1>Replay of match {id}</h1><p role="status" id="replay-status">Loading the match{'\u2026'}</p></div>;
  if (typeof loaded === 'string') {
    return <div class="home stack"><h1 id="replay-error-title">Replay of match {id}</h1><p class="error" role="alert">{loaded}</p><p><a href="/matches">Back to the match archive</a></p></div>;
  }
  return <Viewer id={id} loaded={loaded} host={host} />;
}
