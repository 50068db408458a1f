import type { Scenario } from '../types.ts';
import { amberSea } from './amber-sea.ts';

export const SCENARIOS: readonly Scenario[] = [amberSea];

export function getScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
