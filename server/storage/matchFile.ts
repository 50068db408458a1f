import { RULES_VERSION, type Action, type MatchFile } from '../../shared/types.ts';
import { interestsOfRow, type MatchRow } from './index.ts';

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
    const holder = people.find((p) => p.nation === seat.nation);
    return holder ? { ...seat, name: holder.nickname, bot: false } : seat;
  });
  const file: MatchFile = {
    rulesVersion: RULES_VERSION, scenario: row.scenario, seed: row.seed, settings: { turns: row.settings.turns },
    players, interests: interestsOfRow(row), actions,
  };
  if (row.parent) file.parent = row.parent;
  return file;
}
