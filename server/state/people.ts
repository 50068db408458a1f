import type { Person, Seats } from '../match/seats.ts';
import { idsOf, itemsOf, set } from './mirror.ts';
import { PlayerView, type MatchState, type NationView } from './MatchState.ts';

// The people in the public state: who holds each nation (and whether a bot plays it), and each person's
// nickname, presence and roles. It runs after every action, and the people rarely change: nothing is looked
// at while the seats' version stands (only Seats changes what is shown of a person, and counts it), and
// what was last written is kept as plain values and compared, so an unchanged person costs no schema read
// (schema fields and collections are read through accessors and proxies) and no patch.

interface Shown {
  nickname: string;
  nation: string;
  host: boolean;
  ready: boolean;
  connected: boolean;
  bot: boolean;
  waiting: boolean;
  roles: string;
}

function same(a: Shown, b: Shown): boolean {
  return a.nickname === b.nickname && a.nation === b.nation && a.host === b.host && a.ready === b.ready && a.connected === b.connected && a.bot === b.bot && a.waiting === b.waiting && a.roles === b.roles;
}

export class PeopleMirror {
  readonly #players = new Map<string, { view: PlayerView; shown: Shown }>();
  /** Each nation's view, with the holder and bot flag last written to it. */
  readonly #nations = new Map<NationView, { player: string; bot: boolean }>();

  /** The seats' version last mirrored: while it stands, nothing shown of the people changed. */
  #version = -1;

  /** Mirror `seats` into `st`; true if anything changed. */
  mirror(st: MatchState, seats: Seats): boolean {
    if (seats.version === this.#version) return false;
    this.#version = seats.version;
    const teams = seats.teams();
    let changed = false;
    const views = itemsOf(st.nations);
    const ids = idsOf(st.nations);
    for (let i = 0; i < views.length; i++) {
      const v = views[i]!;
      const team = teams.get(ids[i]!) ?? [];
      const player = team[0]?.id ?? '';
      const bot = seats.botPlays(ids[i]!, team);
      const last = this.#nations.get(v);
      if (last && last.player === player && last.bot === bot) continue;
      this.#nations.set(v, { player, bot });
      changed = set(v, { player, bot }) || changed;
    }
    for (const id of this.#players.keys()) {
      if (seats.get(id)) continue;
      st.players.delete(id);
      this.#players.delete(id);
      changed = true;
    }
    for (const p of seats.values()) {
      if (p.kicked) continue;
      const shown = shownOf(p, seats, (p.nation && teams.get(p.nation)) || []);
      const held = this.#players.get(p.id);
      if (held && same(held.shown, shown)) continue;
      let view = held?.view;
      if (!view) {
        view = new PlayerView();
        view.id = p.id;
        st.players.set(p.id, view);
      }
      set(view, shown);
      this.#players.set(p.id, { view, shown });
      changed = true;
    }
    return changed;
  }
}

function shownOf(p: Person, seats: Seats, team: Person[]): Shown {
  return {
    nickname: p.nickname, nation: p.nation ?? '', host: p.host, ready: p.ready, connected: p.connected, bot: p.away && !!p.nation,
    waiting: !!p.waiting, roles: seats.rolesOf(p, team).join(','),
  };
}
