import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../../shared/scenarios/index.ts';
import { GLOSSARY } from '../../../shared/glossary.ts';
import { roleSheet } from '../../../shared/rules/roleSheet.ts';
import { SECRET_INTERESTS } from '../../../shared/scenarios/interests.ts';

// Each scenario is ready for a lesson: its 45-minute plan fits a 45-minute class (about 10 minutes to
// explain and join, the turns at their full timers, about 10 minutes of debrief), its 90-minute plan fits
// 90, its brief names the lesson it teaches, and every nation has a role sheet.

const INTRO_MIN = 10;
const DEBRIEF_MIN = 10;
const playMinutes = (plan: { turns: number; timers: Record<string, number> }): number =>
  (plan.turns * Object.values(plan.timers).reduce((a, b) => a + b, 0)) / 60;

// Concept words a lesson line and a brief can share (glossary terms, plus the two treaty kinds and hedging).
const STEMS = [...new Set([...Object.values(GLOSSARY).map((e) => e.term.replace(/^(the|treaty|defensive|strategic) /, '').toLowerCase()), 'alliance', 'partnership', 'hedging', 'depend'])];
const stemsIn = (text: string): string[] => STEMS.filter((s) => text.toLowerCase().includes(s));

describe('class plans and briefs', () => {
  for (const sc of SCENARIOS) {
    describe(sc.id, () => {
      it('the 45-minute plan fits: intro + turns x sum of timers + debrief <= 45 min; the 90-minute one <= 90', () => {
        const p45 = playMinutes(sc.classPlans['45']);
        const p90 = playMinutes(sc.classPlans['90']);
        expect(INTRO_MIN + p45 + DEBRIEF_MIN, `45-minute plan: ${p45.toFixed(1)} min of play`).toBeLessThanOrEqual(45);
        expect(INTRO_MIN + p90 + DEBRIEF_MIN, `90-minute plan: ${p90.toFixed(1)} min of play`).toBeLessThanOrEqual(90);
        expect(sc.classPlans['45'].turns).toBeLessThan(sc.classPlans['90'].turns);
        expect(sc.classPlans['45'].turns).toBeGreaterThanOrEqual(5);
      });

      it('the brief names the lesson, and its timing line matches the 45-minute plan', () => {
        expect(sc.lesson.length).toBeGreaterThan(30);
        const shared = stemsIn(sc.lesson).filter((s) => stemsIn(sc.brief.goals.join(' ')).includes(s));
        expect(shared, `lesson "${sc.lesson}" and goals share no concept`).not.toEqual([]);
        expect(sc.brief.goals.length).toBeGreaterThanOrEqual(2);
        expect(sc.brief.watchFor.length).toBeGreaterThanOrEqual(2);
        expect(sc.brief.timing).toContain(`${sc.classPlans['45'].turns} turns`);
      });

      it('every nation has a role sheet with neighbours and an interest', () => {
        for (const n of sc.nations) {
          const r = roleSheet(sc, n.id, 6, SECRET_INTERESTS[sc.id]![n.id]);
          expect(r.situation.length).toBeGreaterThan(20);
          expect(r.interest.length).toBeGreaterThan(10);
          expect(r.strongest).not.toBe(r.weakest);
        }
      });
    });
  }
});
