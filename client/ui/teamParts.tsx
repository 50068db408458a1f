import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';

// The pieces of the screen used only in a match with teams (the team lobby, the drafts, the team panel)
// live in their own chunk, loaded once a team match is joined, so the first load stays small. Each piece
// here renders nothing until that chunk is in (a moment), and says so if it cannot load.

type TeamsModule = typeof import('../teams/index.ts');

let loaded: TeamsModule | null = null;
let loading: Promise<TeamsModule> | null = null;

export function loadTeams(): Promise<TeamsModule> {
  return (loading ??= import('../teams/index.ts').then((m) => (loaded = m), (e: unknown) => { loading = null; throw e; }));
}

function part<P extends object>(pick: (m: TeamsModule) => ComponentType<P>): ComponentType<P> {
  return function TeamPart(props: P) {
    const [failed, setFailed] = useState(false);
    const [, setReady] = useState(false);
    useEffect(() => { if (!loaded) loadTeams().then(() => setReady(true), () => setFailed(true)); }, []);
    if (failed) return <p class="error" role="alert">This part of the page could not load. Reload the page to try again.</p>;
    if (!loaded) return null;
    const C = pick(loaded);
    return <C {...props} />;
  };
}

export const TeamLobby = part((m) => m.TeamLobby);
export const TeamPanel = part((m) => m.TeamPanel);
export const TeamDrafts = part((m) => m.TeamDrafts);
export const RoleStrip = part((m) => m.RoleStrip);
