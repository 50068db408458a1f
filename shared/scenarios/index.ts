import type { Scenario } from '../types.ts';
import { amberSea } from './amber-sea.ts';
import { ironStrait } from './iron-strait.ts';
import { lanternArchipelago } from './lantern-archipelago.ts';
import { risingTide } from './rising-tide.ts';
import { theHinge } from './the-hinge.ts';

export const SCENARIOS: readonly Scenario[] = [amberSea, ironStrait, lanternArchipelago, risingTide, theHinge];

export function getScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
