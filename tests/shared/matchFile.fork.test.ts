import { describe, expect, it } from 'vitest';
import { forkMatchFile } from '../../shared/matchFile.ts';
import { simulate } from '../../shared/bots/simulate.ts';
import { getScenario } from '../../shared/scenarios/index.ts';
import { defaultPlayers, replay, stateHash } from '../../shared/rules/index.ts';

describe('forks ("what if")', () => {
  const scenario = getScenario('amber-sea')!;
  const { file } = simulate({ scenario: scenario.id, seed: 4, turns: 6, players: defaultPlayers(scenario, 5) });
  const parent = replay(file);
  if (!parent.ok) throw new Error('parent does not replay');

  it.each([1, 3, 6])('a fork at turn %i starts from the parent state at that turn, hash for hash', (turn) => {
    const f = forkMatchFile(file, 'M1', turn);
    if (!f.ok) throw new Error(f.message);
    expect(f.file.parent).toEqual({ id: 'M1', turn });
    const fork = replay(f.file);
    if (!fork.ok) throw new Error(fork.error.message);
    const at = parent.frames.find((x) => x.turn === turn && x.phase === 'diplomacy')!.state;
    expect(fork.final.turn).toBe(turn);
    expect(fork.final.phase).toBe('diplomacy');
    expect(stateHash(fork.final)).toBe(stateHash(at));
    expect(f.file.players.every((p) => p.bot)).toBe(true);
  });

  it('refuses a turn the match never reached', () => {
    const f = forkMatchFile(file, 'M1', 9);
    expect(f.ok).toBe(false);
  });
});
