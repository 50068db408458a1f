import type { GameEvent, GameState, NewsItem } from '../types.ts';

// The plain-language news of a turn: the public events, then the concepts they show, so a class can name
// what it just lived through.

const NEWSWORTHY = new Set([
  'signed', 'amended', 'broken', 'left', 'expired', 'notice', 'unreviewed', 'crisis', 'crisis-looming', 'calm',
  'called', 'held', 'lost', 'honoured', 'abstained', 'yield', 'sensitivity', 'match-over',
]);

export const CONCEPT_WORDS: Record<string, string> = {
  'collective-defence': 'collective defence',
  'casus-foederis': 'casus foederis',
  deterrence: 'deterrence',
  abandonment: 'abandonment',
  entrapment: 'entrapment',
  credibility: 'credibility',
  'audience-cost': 'audience costs',
  'burden-sharing': 'burden sharing',
  'free-riding': 'free riding',
  'complex-interdependence': 'complex interdependence',
  'comparative-advantage': 'comparative advantage',
  sensitivity: 'sensitivity',
  vulnerability: 'vulnerability',
  'weaponised-interdependence': 'weaponised interdependence',
  'shadow-of-the-future': 'the shadow of the future',
  governance: 'treaty governance',
  'exit-notice': 'exit notice',
  'security-dilemma': 'the security dilemma',
};

export function publicEvents(events: readonly GameEvent[]): GameEvent[] {
  return events.filter((e) => !e.private && NEWSWORTHY.has(e.type));
}

export function writeNews(s: GameState): NewsItem {
  const events = publicEvents(s.events);
  const lines = events.map((e) => e.text);
  if (s.crises.some((c) => c.outcome === 'lost') && s.treaties.some((t) => t.terms.kind === 'partnership')) {
    // Sensitivity: a shock to one economy travels along partnership ties.
    const hitPartners = s.crises.filter((c) => c.outcome === 'lost').map((c) => c.target)
      .filter((id) => s.treaties.some((t) => t.terms.kind === 'partnership' && t.parties.includes(id)));
    if (hitPartners.length) lines.push('Partners of the nations that lost a crisis earned less this year: sensitivity, the price of interdependence.');
  }
  const concepts = [...new Set(events.flatMap((e) => e.concepts).concat(lines.some((l) => l.includes('sensitivity')) ? ['sensitivity'] : []))];
  if (concepts.length) lines.push(`Concepts at work: ${concepts.map((c) => CONCEPT_WORDS[c] ?? c).join(', ')}.`);
  if (!lines.length) lines.push('A quiet year on the sea.');
  return { turn: s.turn, lines, concepts };
}
