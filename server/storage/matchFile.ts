import { RULES_VERSION, type Action, type MatchFile } from '../../shared/types.ts';
import { interestsOfRow, type MatchRow } from './index.ts';
import { rolesFor } from '../../shared/protocol/teams.ts';

// The one converter between a stored match (its row and log) and a match file. The server replays the
// whole file to bring a match back; the archive publishes the public file of a finished match, where
// people's decision journals stay out unless the host published the negotiations.

const DEADLINE_NOTE = 'Chosen for you';

/** `journals: 'all'` keeps every note (for the server's own replay); 'public' drops people's own lines. */
export function matchFileOf(row: MatchRow, log: readonly Action[], journals: 'all' | 'public'): MatchFile {
  const people = row.players.filter((p) => !p.kicked && p.nation);
  const byPerson = new Set(people.map((p) => p.nation));
  const keep = journals === 'all' || row.settings.publishNegotiations;
  const actions = keep ? [...log] : log.map((a) => {
    // Bots' reasons and the deadline's "chosen for you" lines stay; a person's own journal line does not.
    if (!('by' in a) || !a.note || !byPerson.has(a.by) || a.note.startsWith(DEADLINE_NOTE)) return a;
    const { note: _note, ...rest } = a;
    return rest as Action;
  });
  const players = row.seats.map((seat) => {
    const team = people.filter((p) => p.nation === seat.nation).map((p) => p.nickname).join(', ');
    return team ? { ...seat, name: team.length > 40 ? `${team.slice(0, 39)}…` : team, bot: false } : seat;
  });
  const file: MatchFile = {
    rulesVersion: RULES_VERSION, scenario: row.scenario, seed: row.seed, settings: { turns: row.settings.turns },
    players, interests: interestsOfRow(row), actions,
  };
  if (row.parent) file.parent = row.parent;
  // Teams and roles, so the replay and the debrief can say who drafted and who signed.
  const teamSize = row.settings.teamSize ?? 1;
  if (teamSize > 1) {
    file.people = row.players.filter((p) => !p.kicked && !p.host).map((p) => {
      const team = people.filter((x) => x.nation === p.nation).sort((a, b) => (a.slot ?? 0) - (b.slot ?? 0));
      return { id: p.id, nickname: p.nickname, nation: p.nation, roles: p.nation ? rolesFor(team.length, team.findIndex((x) => x.id === p.id)) : [] };
    });
  }
  return file;
}
