import type { GameEvent, GameState, NationId, Pair, Proposal } from '../../shared/types.ts';
import type { Assessment } from '../../shared/rules/assess.ts';
import { ownOf, Worlds } from './viewKeys.ts';
import { assess } from '../../shared/rules/index.ts';
import { CHAT_HISTORY, type ChatLine, type PrivateView, type TeacherView } from '../../shared/protocol/messages.ts';
import type { StoredChatLine, StoredPlayer } from '../storage/index.ts';
import type { TeamView } from '../../shared/protocol/teams.ts';

// What each person may see beyond the public state. Private history belongs to people, not to nations:
// a newcomer who takes a departed student's nation sees the nation's open business (its proposals,
// relations, calls) but neither the private lines addressed to the one before nor the private events
// from before they took the seat.

export interface Viewer {
  playerId: string;
  nation: NationId | null;
  host: boolean;
  since?: StoredPlayer['since'];
}

const wire = (l: StoredChatLine): ChatLine => ({ id: l.id, from: l.from, fromName: l.fromName, to: l.to, text: l.text, turn: l.turn });

/** Who may read a chat line: everyone for 'all'; its readers (the people at both ends when it was sent); the teacher if allowed. */
export function canReadChat(line: StoredChatLine, viewer: Viewer, teacherReads: boolean): boolean {
  if (line.to === 'all') return true;
  if (viewer.host && teacherReads) return true;
  if (line.readers) return line.readers.includes(viewer.playerId);
  // Lines stored before readers were recorded: by nation, as they were shown then.
  const me = viewer.host && !viewer.nation ? 'host' : viewer.nation;
  return !!me && (line.from === me || line.to === me);
}

function since(e: GameEvent, index: number, from: Viewer['since']): boolean {
  return !from || e.turn > from.turn || (e.turn === from.turn && index >= from.events);
}

/** The last lines `viewer` may read among the first `end` of `chat`. */
export function visibleChat(chat: readonly StoredChatLine[], viewer: Viewer, teacherReads: boolean, end = chat.length): ChatLine[] {
  const out: ChatLine[] = [];
  for (let i = end - 1; i >= 0 && out.length < CHAT_HISTORY; i--) if (canReadChat(chat[i]!, viewer, teacherReads)) out.push(wire(chat[i]!));
  return out.reverse();
}

/**
 * Assessments already made in one match, for the world they were made in. An assessment reads only the
 * proposal's parties and terms (fixed for its id) and the world's part of the view key, so an open proposal
 * is not assessed again while the world stands still (another pair's proposal, a withdrawal, a policy, a
 * chat line). A match's views are always built from its latest state, so one world is kept at a time.
 */
export class Assessments {
  readonly #worlds: Worlds;
  #world = 0;
  readonly #by = new Map<string, Assessment | null>();

  constructor(worlds = new Worlds()) {
    this.#worlds = worlds;
  }

  of(gs: GameState, nation: NationId, p: Proposal): Assessment | null {
    const world = this.#worlds.of(gs);
    if (world !== this.#world) {
      this.#world = world;
      this.#by.clear();
    }
    const key = `${nation}|${p.id}`;
    let a = this.#by.get(key);
    if (a === undefined) {
      try {
        a = assess(gs, nation, p);
      } catch {
        a = null;
      }
      this.#by.set(key, a);
    }
    return a;
  }
}

/** `chatEnd`: how many of `chat` are durable (lines after it are not shown yet); `assessments`: the match's, to reuse. */
export function privateView(gs: GameState, viewer: Viewer, chat: readonly StoredChatLine[], teacherReads: boolean, chatEnd = chat.length, team: TeamView | null = null, assessments = new Assessments()): PrivateView {
  const nation = viewer.nation && gs.nations.some((n) => n.id === viewer.nation) ? viewer.nation : null;
  const lines = visibleChat(chat, viewer, teacherReads, chatEnd);
  if (!nation) {
    return { nation: null, playerId: viewer.playerId, interest: null, proposals: [], relations: {}, policy: null, calls: [], events: [], chat: lines, teacherReads };
  }
  const me = gs.nations.find((n) => n.id === nation)!;
  // The view shares the state's objects (a settled state is never changed): copies would only be more to
  // keep between views (server/match/viewChanges.ts holds what was sent) and to compare.
  const relations: Record<NationId, Pair> = {};
  for (const o of gs.nations) if (o.id !== nation) relations[o.id] = gs.pairs[`${nation}>${o.id}`]!;
  const own = ownOf(gs, nation);
  const proposals = own.proposals
    // Advice for a decision still to be made: a proposal already answered, withdrawn or lapsed carries none
    // (assessed again at every turn of the world after it closed, it was most of the assessments made).
    .map((p) => ({ ...p, assessment: p.status === 'open' ? assessments.of(gs, nation, p) : null }));
  return {
    nation,
    playerId: viewer.playerId,
    interest: me.interest,
    proposals,
    relations,
    policy: me.policy,
    calls: [...own.calls],
    events: gs.events.filter((e, i) => e.private && e.nations.includes(nation) && since(e, i, viewer.since)),
    chat: lines,
    teacherReads,
    team,
  };
}

/** The teacher's reading of negotiations: every proposal, every chat line, every sealed policy. */
export function teacherView(gs: GameState, chat: readonly StoredChatLine[]): TeacherView {
  const policies: Record<NationId, GameState['nations'][number]['policy']> = {};
  for (const n of gs.nations) policies[n.id] = n.policy ? { ...n.policy } : null;
  return { proposals: gs.proposals.map((p) => ({ ...p, to: [...p.to], accepted: [...p.accepted] })), chat: chat.slice(-CHAT_HISTORY * 2).map(wire), policies };
}
