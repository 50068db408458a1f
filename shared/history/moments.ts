import { REVISIONIST, type GameEvent, type NationId, type Phase } from '../types.ts';
import type { History } from './timeline.ts';

// Key moments of a match, found in its events: the ones a replay jumps to (treaty signed, ally called,
// honoured, abstained, treaty broken, region lost), each labelled with the concept it shows where one
// applies (abandonment, entrapment, free riding, audience cost, sensitivity, vulnerability, shadow of the
// future). The debrief builds its discussion on them.

export const MOMENT_KINDS = ['signed', 'called', 'honoured', 'abstained', 'broken', 'left', 'region-lost', 'sensitivity', 'free-riding'] as const;
export type MomentKind = (typeof MOMENT_KINDS)[number];

export const MOMENT_CONCEPTS = ['abandonment', 'entrapment', 'free-riding', 'audience-cost', 'sensitivity', 'vulnerability', 'shadow-of-the-future'] as const;
export type MomentConcept = (typeof MOMENT_CONCEPTS)[number];

export interface Moment {
  /** Index of the action after which the moment is visible (jump target in the replay). */
  index: number;
  turn: number;
  phase: Phase;
  kind: MomentKind;
  text: string;
  nations: NationId[];
  concepts: MomentConcept[];
  data: GameEvent['data'];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

export function findMoments(h: History): Moment[] {
  const out: Moment[] = [];
  const turns = h.file.settings.turns;
  const exposure = new Map(h.initial.nations.map((n) => [n.id, n.exposure]));
  const helps = new Map<string, number>(); // `${treaty}|${ally}>${victim}` -> honoured calls
  const flaggedFreeRide = new Set<string>();
  const late = (turn: number): boolean => turn >= turns - 1;
  for (const st of h.steps) {
    for (const e of st.events) {
      if (e.private) continue;
      const d = e.data ?? {};
      const push = (kind: MomentKind, concepts: MomentConcept[], text = e.text, nations = e.nations): void => {
        out.push({ index: st.index + 1, turn: e.turn, phase: e.phase, kind, text, nations, concepts, data: e.data });
      };
      switch (e.type) {
        case 'signed':
          push('signed', []);
          break;
        case 'called':
          push('called', []);
          break;
        case 'honoured': {
          const ally = str(d.ally);
          const victim = str(d.victim);
          const attacker = h.steps.flatMap((x) => x.events).find((x) => x.type === 'crisis' && x.data?.crisis === d.crisis)?.data?.attacker;
          // Entrapment: drawn into a fight that was not one's own (another nation's quarrel, or a threat
          // that did not face the ally itself).
          const entrapped = attacker !== REVISIONIST || (exposure.get(ally) ?? 0) < 40;
          push('honoured', entrapped ? ['entrapment'] : []);
          const key = `${str(d.treaty)}|${ally}>${victim}`;
          helps.set(key, (helps.get(key) ?? 0) + 1);
          const back = helps.get(`${str(d.treaty)}|${victim}>${ally}`) ?? 0;
          if ((helps.get(key) ?? 0) >= 2 && back === 0 && !flaggedFreeRide.has(key)) {
            flaggedFreeRide.add(key);
            push('free-riding', ['free-riding'], `${h.initial.nations.find((n) => n.id === victim)?.name ?? victim} has been defended again and again by ${h.initial.nations.find((n) => n.id === ally)?.name ?? ally} without ever carrying the burden in return: free riding.`, [victim, ally]);
          }
          break;
        }
        case 'abstained':
          push('abstained', ['abandonment', 'audience-cost', ...(late(e.turn) ? (['shadow-of-the-future'] as const) : [])]);
          break;
        case 'broken':
          push('broken', ['audience-cost', ...(d.kind === 'partnership' && num(d.loss) > 0 ? (['vulnerability'] as const) : []), ...(late(e.turn) ? (['shadow-of-the-future'] as const) : [])]);
          break;
        case 'left':
          if (d.kind === 'partnership' && num(d.loss) > 0) push('left', ['vulnerability']);
          break;
        case 'unreviewed':
          if (d.kind === 'alliance') push('free-riding', ['free-riding']);
          break;
        case 'lost':
          if (d.regionLost) push('region-lost', []);
          break;
        case 'sensitivity':
          push('sensitivity', ['sensitivity']);
          break;
      }
    }
  }
  return out;
}

/** Moments that illustrate a concept (for the debrief), best first: the earliest of each kind. */
export function conceptMoments(moments: Moment[]): Moment[] {
  return moments.filter((m) => m.concepts.length > 0);
}
