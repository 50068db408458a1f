import { ROLE_INFO, negotiates, signs, type Draft, type Role, type Signing, type TeamView } from '../../shared/protocol/teams.ts';
import type { AppState } from '../state/model.ts';

// Where I stand in my nation's team: my roles, whether I make the nation act on my own (the server checks
// the same rule, shared/protocol/teams.ts), and the words of the buttons that become drafts when I do not.

export interface MySide {
  /** My team (members, drafts), or null for a nation held by one student. */
  team: TeamView | null;
  roles: Role[];
  /** I act for the nation directly: no team, a team of one, the head under "head signs", anyone under "any". */
  alone: boolean;
  /** I may talk to other nations and the public channel (the head and the foreign minister, in a team). */
  talks: boolean;
  signing: Signing;
  /** How my decisions reach the nation: null when I act directly, else the team's signing rule (as a draft). */
  via: Signing | null;
}

export function mySide(st: AppState): MySide {
  const team = st.priv?.team ?? null;
  const id = st.playerId ?? st.priv?.playerId;
  const roles = team?.members.find((m) => m.id === id)?.roles ?? [];
  const size = team?.members.length ?? 1;
  const signing = team?.signing ?? 'head';
  const alone = !team || size <= 1 || signs(roles, signing);
  return { team, roles, alone, talks: !team || negotiates(roles, size), signing, via: alone ? null : signing };
}

/** "Head of government and defence minister". */
export const roleTitles = (roles: readonly Role[]): string =>
  roles.map((r, i) => (i ? ROLE_INFO[r].title.toLowerCase() : ROLE_INFO[r].title)).join(' and ');

/** A non-signer's "send": their decision becomes a draft the team sees. */
export const draftWord = (signing: Signing): string =>
  signing === 'vote' ? 'Save as a draft for your team\u2019s vote' : 'Save as a draft for your head of government';

/** The sentence shown once a draft is saved. */
export const draftSaved = (signing: Signing): string =>
  signing === 'vote' ? 'Saved as a draft: it goes out once most of your team approves it.' : 'Saved as a draft: your head of government can sign it now.';

/** Drafts waiting for me: to sign (I sign alone), or to approve (a team vote I have not joined on it yet). */
export function awaitingMe(side: MySide, me: string | null): Draft[] {
  const drafts = side.team?.drafts ?? [];
  if (side.signing === 'vote') return drafts.filter((d) => !d.approvals.includes(me ?? ''));
  return side.alone ? drafts : [];
}
