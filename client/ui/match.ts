import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { computed, type ReadonlySignal } from '@preact/signals';
import type { GameState, NationId, Scenario } from '../../shared/types.ts';
import { getScenario } from '../../shared/scenarios/index.ts';
import type { Connection } from '../net/connection.ts';
import { myNation, type AppState } from '../state/model.ts';
import { buildRulesState } from '../state/rulesState.ts';
import type { EventBus } from '../game/bus.ts';

// What every in-game component reads: the store (a signal: reading it subscribes the component), a
// rules-shaped state for previews (one computed per connection, rebuilt only when the store changes), my
// nation, the scenario, the map bus. Components stay small and take what they need from here.

export interface AppDeps {
  conn: Connection;
  bus: EventBus;
}

export const Deps = createContext<AppDeps | null>(null);

export interface Match extends AppDeps {
  st: AppState;
  rules: GameState | null;
  me: NationId | null;
  scenario: Scenario;
  /** Local "now" on the server's clock. */
  now(): number;
}

const derived = new WeakMap<Connection, { scenario: ReadonlySignal<Scenario>; rules: ReadonlySignal<GameState | null> }>();

function derive(conn: Connection) {
  let d = derived.get(conn);
  if (!d) {
    const scenario = computed(() => getScenario(conn.store.value.meta?.scenario ?? 'amber-sea') ?? getScenario('amber-sea')!);
    const rules = computed(() => {
      const st = conn.store.value;
      return st.game && st.game.nations.length ? buildRulesState(scenario.value, st.game, st.priv) : null;
    });
    derived.set(conn, (d = { scenario, rules }));
  }
  return d;
}

export function useDeps(): AppDeps {
  const deps = useContext(Deps);
  if (!deps) throw new Error('Deps missing: render inside <Deps.Provider>');
  return deps;
}

export function useMatch(): Match {
  const deps = useDeps();
  const st = deps.conn.store.value;
  const d = derive(deps.conn);
  return {
    ...deps, st, rules: d.rules.value, me: myNation(st), scenario: d.scenario.value,
    now: () => Date.now() + (deps.conn.store.get().meta?.clockOffset ?? 0),
  };
}

export const nameIn = (s: GameState | null, id: string): string =>
  s?.nations.find((n) => n.id === id)?.name ?? (id === 'rev' ? (s?.revisionistName ?? 'the revisionist power') : id);
