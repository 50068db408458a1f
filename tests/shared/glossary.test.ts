import { describe, expect, it } from 'vitest';
import { GLOSSARY, glossaryEntry } from '../../shared/glossary.ts';
import { CONCEPT_WORDS } from '../../shared/rules/news.ts';
import { MOMENT_CONCEPTS } from '../../shared/history/moments.ts';
import { SCENARIOS } from '../../shared/scenarios/index.ts';

// The glossary explains every concept the game names (news, moments, debrief) in two plain sentences and
// says where it shows in the game; and the game's texts cast no real country as anyone, least of all an
// aggressor.

const sentences = (t: string): number => t.split(/(?<=[.!?])\s+(?=[A-Z"\u201c])/).filter((x) => x.trim()).length;

// Real states (a broad list of the ones most often named in lessons on war and alliances), matched as whole words.
const REAL_COUNTRIES = ['Afghanistan', 'Albania', 'Algeria', 'Argentina', 'Armenia', 'Australia', 'Austria', 'Azerbaijan', 'Belarus', 'Belgium', 'Bosnia', 'Brazil', 'Britain', 'Bulgaria', 'Canada', 'Chile', 'China', 'Colombia', 'Croatia', 'Cuba', 'Czech', 'Denmark', 'Egypt', 'England', 'Eritrea', 'Estonia', 'Ethiopia', 'Finland', 'France', 'Georgia', 'Germany', 'Greece', 'Hungary', 'India', 'Indonesia', 'Iran', 'Iraq', 'Ireland', 'Israel', 'Italy', 'Japan', 'Jordan', 'Kazakhstan', 'Korea', 'Kosovo', 'Kuwait', 'Latvia', 'Lebanon', 'Libya', 'Lithuania', 'Mexico', 'Moldova', 'Mongolia', 'Morocco', 'Netherlands', 'Nigeria', 'Norway', 'Pakistan', 'Palestine', 'Poland', 'Portugal', 'Romania', 'Russia', 'Rwanda', 'Saudi', 'Serbia', 'Somalia', 'Spain', 'Sudan', 'Sweden', 'Switzerland', 'Syria', 'Taiwan', 'Turkey', 'Ukraine', 'USA', 'America', 'Venezuela', 'Vietnam', 'Yemen', 'Soviet', 'USSR', 'NATO', 'Warsaw Pact'];

function scenarioTexts(): string[] {
  return SCENARIOS.flatMap((s) => [s.title, s.summary, s.lesson, s.revisionist.name, s.brief.timing, ...s.brief.goals, ...s.brief.watchFor,
    ...s.nations.flatMap((n) => [n.name, n.blurb]), ...s.regions.map((r) => r.name)]);
}

describe('glossary', () => {
  it('has every concept word of the news and every concept of the key moments', () => {
    for (const k of Object.keys(CONCEPT_WORDS)) expect(GLOSSARY[k], k).toBeDefined();
    for (const k of MOMENT_CONCEPTS) expect(GLOSSARY[k], k).toBeDefined();
    for (const [k, w] of Object.entries(CONCEPT_WORDS)) expect(glossaryEntry(w)?.term, k).toBe(GLOSSARY[k]!.term);
  });

  it('defines each entry in two plain sentences and says where it shows in the game', () => {
    for (const [k, e] of Object.entries(GLOSSARY)) {
      expect(sentences(e.definition), `${k}: ${e.definition}`).toBe(2);
      expect(e.definition.length, k).toBeLessThan(260);
      expect(e.where.length, k).toBeGreaterThan(10);
    }
  });
});

describe('wording', () => {
  it('names no real country in the scenarios or the glossary', () => {
    const texts = [...scenarioTexts(), ...Object.values(GLOSSARY).flatMap((e) => [e.term, e.definition, e.where])];
    const hits: string[] = [];
    for (const t of texts) for (const c of REAL_COUNTRIES) if (new RegExp(`\\b${c}\\b`, 'i').test(t)) hits.push(`${c} in "${t}"`);
    expect(hits).toEqual([]);
  });

  it('the sentence counter and the country check can fail', () => {
    expect(sentences('One thing. Another thing. A third.')).toBe(3);
    expect(new RegExp('\\bFrance\\b', 'i').test('The fleets of France')).toBe(true);
  });
});
