import type { GameState, NationId, Pair } from '../../shared/types.ts';
import { assess } from '../../shared/rules/index.ts';
import { CHAT_HISTORY, type ChatLine, type PrivateView, type TeacherView } from '../../shared/protocol/messages.ts';

// What each connection may see beyond the public state. Computed from the rules state per seat; the
// room sends each view to its one client only.

export interface Viewer {
  playerId: string;
  nation: NationId | null;
  host: boolean;
}

/** Who may read a chat line: its author, its addressee, everyone for 'all', the teacher if allowed. */
export function canReadChat(line: ChatLine, viewer: Viewer, teacherReads: boolean): boolean {
  if (line.to === 'all') return true;
  const me = viewer.host && !viewer.nation ? 'host' : viewer.nation;
  if (me && (line.from === me || line.to === me)) return true;
  if (viewer.host && (line.from === 'host' || line.to === 'host')) return true;
  return viewer.host && teacherReads;
}

export function privateView(gs: GameState, viewer: Viewer, chat: readonly ChatLine[], teacherReads: boolean): PrivateView {
  const nation = viewer.nation && gs.nations.some((n) => n.id === viewer.nation) ? viewer.nation : null;
  const visibleChat = chat.filter((l) => canReadChat(l, viewer, teacherReads)).slice(-CHAT_HISTORY);
  if (!nation) {
    return { nation: null, playerId: viewer.playerId, interest: null, proposals: [], relations: {}, policy: null, calls: [], events: [], chat: visibleChat, teacherReads };
  }
  const me = gs.nations.find((n) => n.id === nation)!;
  const relations: Record<NationId, Pair> = {};
  for (const o of gs.nations) if (o.id !== nation) relations[o.id] = { ...gs.pairs[`${nation}>${o.id}`]! };
  const proposals = gs.proposals
    .filter((p) => p.from === nation || p.to.includes(nation))
    .map((p) => {
      let assessment = null;
      try {
        assessment = assess(gs, nation, p);
      } catch {
        assessment = null;
      }
      return { ...p, to: [...p.to], accepted: [...p.accepted], assessment };
    });
  return {
    nation,
    playerId: viewer.playerId,
    interest: me.interest,
    proposals,
    relations,
    policy: me.policy ? { ...me.policy } : null,
    calls: gs.calls.filter((k) => k.ally === nation || k.victim === nation).map((k) => ({ ...k })),
    events: gs.events.filter((e) => e.private && e.nations.includes(nation)),
    chat: visibleChat,
    teacherReads,
  };
}

/** The teacher's reading of negotiations: every proposal, every chat line, every sealed policy. */
export function teacherView(gs: GameState, chat: readonly ChatLine[]): TeacherView {
  const policies: Record<NationId, GameState['nations'][number]['policy']> = {};
  for (const n of gs.nations) policies[n.id] = n.policy ? { ...n.policy } : null;
  return { proposals: gs.proposals.map((p) => ({ ...p, to: [...p.to], accepted: [...p.accepted] })), chat: chat.slice(-CHAT_HISTORY * 2), policies };
}
