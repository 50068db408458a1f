import { describe, expect, it } from 'vitest';
import { JOIN_ERRORS, SERVER_MESSAGES } from '../../shared/protocol/messages.ts';
import { serverHandlers, type Pending } from '../../client/net/handlers.ts';
import { FINAL_JOIN_CODES } from '../../client/net/protocol.ts';
import { Store } from '../../client/state/store.ts';
import { initialAppState, type AppState } from '../../client/state/model.ts';
import { errorText } from '../../client/net/errors.ts';

// The network layer's dispatch table: one handler per server message type of shared/protocol, each
// writing what its message carries into the store; and the browser's copy of the protocol's constants
// (kept apart so zod stays out of the first load) equal to the protocol's own.

const deps = () => {
  const store = new Store<AppState>(initialAppState());
  const said: string[] = [];
  const removed: string[] = [];
  const pending: Pending = new Map();
  const handlers = serverHandlers({ store, announce: (t) => said.push(t), pending, code: () => 'ABC234', save: () => {}, removed: (m) => removed.push(m) });
  return { store, said, removed, pending, handlers };
};

describe('server messages', () => {
  it('has one handler for every type the server sends, and nothing else', () => {
    expect(Object.keys(deps().handlers).sort()).toEqual([...SERVER_MESSAGES].sort());
  });

  it('treats as final the join refusals that retrying cannot fix', () => {
    for (const code of [JOIN_ERRORS.kicked, JOIN_ERRORS.match_locked, JOIN_ERRORS.nickname_taken, JOIN_ERRORS.wrong_secret]) expect(FINAL_JOIN_CODES.has(code)).toBe(true);
  });

  it('a seat message tells a late joiner to wait and gives the host the projector key', () => {
    const d = deps();
    d.handlers.seat({ secret: 's', nation: null, nickname: 'Carol', playerId: 'p4', host: false, waiting: true });
    expect(d.store.get()).toMatchObject({ waiting: true, playerId: 'p4', projectorKey: null });
    d.handlers.seat({ secret: 's', nation: null, nickname: 'Teacher', playerId: 'p1', host: true, waiting: false, projectorKey: 'k'.repeat(32) });
    expect(d.store.get()).toMatchObject({ waiting: false, isHost: true, projectorKey: 'k'.repeat(32) });
  });

  it('settles a request by its ref, words refusals kindly, and removal leaves the match', async () => {
    const d = deps();
    const answer = new Promise<void>((resolve, reject) => d.pending.set('r1', { resolve, reject, timer: setTimeout(() => {}, 0) }));
    d.handlers.error({ code: 'waiting', message: 'server words', ref: 'r1' });
    await expect(answer).rejects.toThrow(errorText('waiting', ''));
    expect(d.store.get().error).toMatch(/teacher has not let you in/);
    d.handlers.kicked({ message: 'The teacher removed you from this match.' });
    expect(d.removed).toEqual(['The teacher removed you from this match.']);
  });
});
