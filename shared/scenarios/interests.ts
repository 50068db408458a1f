import type { Interest, NationId } from '../types.ts';

// The secret national interest of every nation in every scenario. Only the server and Node tools import this
// file: the browser never gets it (a test checks the client's imports), so no student can read the other
// nations' interests in the game's code. A match records its interests in its match file, which the server
// publishes only after the match is over.

export const SECRET_INTERESTS: Record<string, Record<NationId, Interest>> = {
  'amber-sea': { valdor: 'trading', kestria: 'frontline', isolde: 'neutral', corvenne: 'middle', drevany: 'frontline', solmere: 'trading', brenmark: 'middle', quillon: 'neutral' },
  'iron-strait': { aldmark: 'frontline', brisca: 'middle', carvel: 'frontline', dunholt: 'trading', esker: 'frontline', fallow: 'neutral', garth: 'middle', holm: 'trading' },
  'lantern-archipelago': { saffra: 'trading', kolrun: 'middle', tessel: 'trading', mirren: 'neutral', pellin: 'trading', orsa: 'frontline', vashti: 'trading', quell: 'neutral' },
  'rising-tide': { marrak: 'frontline', ysolde: 'trading', corran: 'middle', tesmarch: 'frontline', belune: 'neutral', varn: 'trading', oskarn: 'middle', pellmoor: 'neutral' },
  'the-hinge': { arvale: 'middle', brenn: 'middle', celest: 'trading', dorn: 'frontline', evrin: 'middle', fenn: 'neutral', galt: 'frontline', hollin: 'trading' },
};

/** The interests of the given nations of a scenario (throws for an unknown scenario or nation). */
export function interestsFor(scenario: string, nations: readonly NationId[]): Record<NationId, Interest> {
  const table = SECRET_INTERESTS[scenario];
  if (!table) throw new Error(`no interests for scenario ${scenario}`);
  const out: Record<NationId, Interest> = {};
  for (const id of nations) {
    const interest = table[id];
    if (!interest) throw new Error(`no interest for ${id} in ${scenario}`);
    out[id] = interest;
  }
  return out;
}
