import type { NationAction } from '../../shared/types.ts';
import { majority, signs, type Draft, type Signing, type TeamView } from '../../shared/protocol/teams.ts';
import { sanitizeText } from '../limits.ts';
import { serverError, type Fail } from './inbox.ts';
import type { Match } from './match.ts';
import { finish } from './phases.ts';
import type { Person } from './seats.ts';

// A team's deliberation: any member drafts an action (seen live by the whole team), and the nation acts
// when its head signs the draft — or any member, or a majority of the team, as the host chose. Every
// signed action names its drafter and signer in the log. Drafts live for their phase only.

const MAX_DRAFTS = 20;

export class Drafts {
  readonly #byNation = new Map<string, Draft[]>();
  #next = 0;
  /** Changes per nation, so a member's view is rebuilt when their team's drafts change. */
  readonly versions = new Map<string, number>();

  of(nation: string): Draft[] {
    return this.#byNation.get(nation) ?? [];
  }

  touch(nation: string): void {
    this.versions.set(nation, (this.versions.get(nation) ?? 0) + 1);
  }

  put(nation: string, draft: Draft): void {
    const list = this.of(nation).filter((d) => d.id !== draft.id);
    this.#byNation.set(nation, [...list, draft].slice(-MAX_DRAFTS));
    this.touch(nation);
  }

  remove(nation: string, id: string): void {
    this.#byNation.set(nation, this.of(nation).filter((d) => d.id !== id));
    this.touch(nation);
  }

  newId(): string {
    return `d${++this.#next}`;
  }

  /** A new phase: drafts of the one before are gone. */
  clear(): void {
    for (const nation of this.#byNation.keys()) this.touch(nation);
    this.#byNation.clear();
  }
}

export const signingOf = (m: Match): Signing => m.session.row.settings.signing ?? 'head';

/** May `p` make the nation act on their own (a one-person team always may)? */
export function signsAlone(m: Match, p: Person): boolean {
  if (!p.nation || m.seats.membersOf(p.nation).length <= 1) return true;
  return signs(m.seats.rolesOf(p), signingOf(m));
}

/** The signature a team member's action carries in the log (none for a one-student match). */
export function signature(m: Match, drafter: string, signer: string, approvals?: string[]): NationAction['signed'] {
  if ((m.session.row.settings.teamSize ?? 1) <= 1) return undefined;
  return approvals ? { drafter, signer, approvals } : { drafter, signer };
}

/** Record a team's action, signed; nothing happens if the rules refuse it. */
function act(m: Match, p: Person, d: Draft, note: string | undefined, approvals?: string[]): Fail | null {
  const a = { ...d.action, by: p.nation, signed: signature(m, d.by, p.id, approvals) } as NationAction;
  if (!a.signed) delete a.signed;
  const clean = note ? sanitizeText(note) : d.note;
  if (clean) a.note = clean;
  const err = m.session.record(a);
  if (err) return err;
  m.drafts.remove(p.nation!, d.id);
  if (m.session.game.over) finish(m);
  return null;
}

function draftOf(m: Match, p: Person, id: unknown): Draft | Fail {
  if (!p.nation) return serverError('not_seated');
  return m.drafts.of(p.nation).find((d) => d.id === id) ?? serverError('unknown_draft');
}

type TeamCommand = (m: Match, p: Person, data: Record<string, unknown>) => Fail | null;

export const TEAM_COMMANDS: Record<string, TeamCommand> = {
  draft(m, p, data) {
    if (!p.nation) return serverError('not_seated');
    const g = m.session.game;
    const existing = typeof data.draft === 'string' ? m.drafts.of(p.nation).find((d) => d.id === data.draft) : undefined;
    if (typeof data.draft === 'string' && !existing) return serverError('unknown_draft');
    const note = typeof data.note === 'string' ? sanitizeText(data.note) : '';
    const draft: Draft = { id: existing?.id ?? m.drafts.newId(), action: data.action as Draft['action'], by: p.id, byName: p.nickname, approvals: [p.id], turn: g.turn, phase: g.phase };
    if (note) draft.note = note;
    m.drafts.put(p.nation, draft);
    return null;
  },
  sign(m, p, data) {
    const d = draftOf(m, p, data.draft);
    if ('code' in d) return d;
    if (signingOf(m) === 'vote' && m.seats.membersOf(p.nation!).length > 1) return serverError('needs_vote');
    if (!signsAlone(m, p)) return serverError('not_signer');
    return act(m, p, d, data.note as string | undefined);
  },
  approve(m, p, data) {
    const d = draftOf(m, p, data.draft);
    if ('code' in d) return d;
    const approvals = d.approvals.includes(p.id) ? d.approvals : [...d.approvals, p.id];
    const team = m.seats.membersOf(p.nation!);
    if (signingOf(m) === 'vote' && approvals.filter((id) => team.some((t) => t.id === id)).length >= majority(team.length)) return act(m, p, d, undefined, approvals);
    m.drafts.put(p.nation!, { ...d, approvals });
    return null;
  },
  discard(m, p, data) {
    const d = draftOf(m, p, data.draft);
    if ('code' in d) return d;
    m.drafts.remove(p.nation!, d.id);
    return null;
  },
};

/** What a member sees of their team; null for a one-person nation in a one-student match. */
export function teamView(m: Match, p: Person): TeamView | null {
  if (!p.nation || (m.session.row.settings.teamSize ?? 1) <= 1) return null;
  const members = m.seats.membersOf(p.nation);
  const signing = signingOf(m);
  return {
    members: members.map((x) => ({ id: x.id, nickname: x.nickname, roles: m.seats.rolesOf(x), connected: x.connected })),
    drafts: m.drafts.of(p.nation),
    signing,
    needed: signing === 'vote' ? majority(members.length) : 1,
  };
}

/** Fisher–Yates with the server's own randomness (the lobby, not the rules: no seed needed). */
function shuffle<T>(items: T[], rand: (n: number) => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rand(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * Lobby: spread everyone who joined (the host aside) over the nations in teams of the match's size —
 * in joining order, at random, or as a pasted list says ("Nation: nick, nick" per line; anyone not on it is
 * spread over what room is left). Refuses with the line it could not read.
 */
export function makeTeams(m: Match, mode: 'balanced' | 'random' | 'list', list: string | undefined, rand: (n: number) => number): Fail | null {
  const g = m.session.game;
  const people = [...m.seats.values()].filter((p) => !p.kicked && !p.host);
  const chosen = new Map<Person, string>();
  if (mode === 'list') {
    for (const raw of (list ?? '').split('\n')) {
      const line = raw.trim();
      if (!line) continue;
      const [name, names] = line.split(':');
      const nation = g.nations.find((n) => n.name.toLowerCase() === name?.trim().toLowerCase() || n.id === name?.trim().toLowerCase());
      if (!nation || names === undefined) return { code: 'bad_list', message: `This line does not read as "Nation: nickname, nickname": ${line.slice(0, 60)}` };
      for (const nick of names.split(',').map((x) => x.trim()).filter(Boolean)) {
        const p = people.find((x) => x.nickname.toLowerCase() === nick.toLowerCase());
        if (!p) return { code: 'bad_list', message: `No one called "${nick.slice(0, 20)}" has joined.` };
        chosen.set(p, nation.id);
      }
    }
  }
  // A host who plays holds a place in their nation's team.
  const count = new Map(g.nations.map((n) => [n.id, [...m.seats.values()].filter((p) => p.host && p.nation === n.id).length]));
  for (const nation of chosen.values()) count.set(nation, (count.get(nation) ?? 0) + 1);
  if ([...count.values()].some((n) => n > m.seats.teamSize)) return serverError('team_full');
  const rest = people.filter((p) => !chosen.has(p));
  const order = mode === 'random' ? shuffle(rest, rand) : rest.sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
  for (const p of order) {
    // The team with the fewest members takes the next person, so teams differ by at most one.
    let best: string | null = null;
    for (const n of g.nations) if ((count.get(n.id) ?? 0) < m.seats.teamSize && (best === null || count.get(n.id)! < count.get(best)!)) best = n.id;
    if (!best) break;
    chosen.set(p, best);
    count.set(best, count.get(best)! + 1);
  }
  const now = { turn: g.turn, events: g.events.length };
  m.seats.unseat(people);
  for (const p of people) {
    const nation = chosen.get(p);
    if (nation) m.seats.take(p, nation, now);
    m.seatChanged(p);
  }
  m.seats.vacated.clear();
  for (const n of g.nations) m.drafts.touch(n.id);
  return null;
}
