import type { GameState, NationId, Scenario } from '../../shared/types.ts';
import { getScenario } from '../../shared/scenarios/index.ts';
import type { Connection } from '../net/connection.ts';
import { myNation, type AppState } from '../state/model.ts';
import { buildRulesState } from '../state/rulesState.ts';
import type { EventBus } from '../game/bus.ts';

// What every in-game panel needs: the connection, the current app state, a rules-shaped state for
// previews (rebuilt once per change), my nation, the scenario and the map bus.

export interface Ctx {
  conn: Connection;
  bus: EventBus;
  st(): AppState;
  rules(): GameState | null;
  me(): NationId | null;
  scenario(): Scenario;
  /** Local "now" on the server's clock. */
  now(): number;
}

export function makeCtx(conn: Connection, bus: EventBus): Ctx {
  let memo: { version: number; state: GameState | null } = { version: -1, state: null };
  const scenario = () => getScenario(conn.store.get().meta?.scenario ?? 'amber-sea') ?? getScenario('amber-sea')!;
  return {
    conn,
    bus,
    st: () => conn.store.get(),
    rules: () => {
      const st = conn.store.get();
      if (memo.version === st.version) return memo.state;
      memo = { version: st.version, state: st.game && st.game.nations.length ? buildRulesState(scenario(), st.game, st.priv) : null };
      return memo.state;
    },
    me: () => myNation(conn.store.get()),
    scenario,
    now: () => Date.now() + (conn.store.get().meta?.clockOffset ?? 0),
  };
}

export const nameIn = (s: GameState | null, id: string): string => s?.nations.find((n) => n.id === id)?.name ?? (id === 'rev' ? (s?.revisionistName ?? 'the revisionist power') : id);
