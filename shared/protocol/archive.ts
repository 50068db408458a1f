// One match as the archive lists it (GET /api/matches): shared by the server that builds it and the
// archive page that shows it.

export interface ArchiveNation {
  nation: string;
  /** The nation's name in the scenario. */
  name: string;
  /** Who played it: a person's nickname, or null for a bot. */
  nickname: string | null;
}

export interface ArchiveEntry {
  id: string;
  scenario: string;
  scenarioTitle: string;
  status: 'lobby' | 'running' | 'finished';
  created: number;
  updated: number;
  finished: number | null;
  /** Turns planned. */
  turns: number;
  /** Turn reached (null in a lobby). */
  turn: number | null;
  over: boolean;
  seats: number;
  actions: number;
  hostName: string;
  nicknames: string[];
  nations: ArchiveNation[];
  winners: { nation: string; name: string }[];
  parent: { id: string; turn: number } | null;
  forks: { id: string; turn: number }[];
  imported: boolean;
  /** Negotiations (journal notes, nation-to-nation chat) are part of the record. */
  published: boolean;
}
