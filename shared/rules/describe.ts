import { ADVERSARY_ANY, REVISIONIST, type GameState, type Terms } from '../types.ts';

// Plain-language wording of treaty terms, used by events, the news and the client's term pickers; and the
// small rules every generated sentence follows (a capital first; counts agree with their nouns; a region
// named like its nation is not named twice).

/** The sentence with a capital first letter ("the Vharan Dominion struck" opens a line as "The Vharan…"). */
export const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "1 turn", "2 turns". */
export const count = (n: number, word: string, plural = `${word}s`): string => `${n} ${n === 1 ? word : plural}`;

/** " at Watch Cape", or nothing when the region bears the nation's own name (never "Esker at Esker"). */
export const atRegion = (nation: string, region: string): string => (region === nation ? '' : ` at ${region}`);

/** "Watch Cape", or "its home region" when the region bears the nation's own name. */
export const regionOf = (nation: string, region: string): string => (region === nation ? 'its home region' : region);

function adversaryName(s: GameState, adversary: string): string {
  if (adversary === ADVERSARY_ANY) return 'any attacker';
  if (adversary === REVISIONIST) return s.revisionistName;
  return s.nations.find((n) => n.id === adversary)?.name ?? adversary;
}

/** One short phrase summarising the terms. */
export function describeTerms(s: GameState, t: Terms): string {
  if (t.kind === 'alliance') {
    const span = t.duration === null ? `open-ended, ${t.notice} turn${t.notice === 1 ? "'s" : "s'"} notice` : count(t.duration, 'turn');
    return `against ${adversaryName(s, t.adversary)}, ${t.scope === 'home' ? 'home regions' : 'anywhere'}, ${t.contribution} help, ${span}`;
  }
  return `${t.trade} trade, ${t.techSharing ? 'technology shared' : 'no technology sharing'}, at least ${count(t.minTerm, 'turn')}`;
}

/** A plain-language line for each term, in the order a player fills them in. */
export function termLines(s: GameState, t: Terms): { term: string; line: string }[] {
  if (t.kind === 'alliance') {
    return [
      { term: 'adversary', line: t.adversary === ADVERSARY_ANY ? 'You promise help whoever attacks a member.' : `You promise help only against ${adversaryName(s, t.adversary)}.` },
      { term: 'scope', line: t.scope === 'home' ? 'Only attacks on home regions count, not outlying islands.' : 'Attacks on any region of a member count.' },
      { term: 'nonProvocation', line: t.nonProvocation ? 'No duty to help a member who started the trouble with a demand.' : 'You must help even a member who provoked the crisis.' },
      { term: 'contribution', line: `When called, each member sends ${t.contribution === 'token' ? 'a token force' : t.contribution === 'partial' ? 'a good part of its army' : 'most of its army'}.` },
      { term: 'duration', line: t.duration === null ? 'No end date: it lasts until someone gives notice.' : `It lasts ${count(t.duration, 'turn')}; leaving earlier is a public break.` },
      { term: 'notice', line: `Leaving takes ${t.notice} turn${t.notice === 1 ? '' : 's'} of notice.` },
      { term: 'review', line: `Every ${t.review} turns the members review it and may leave freely.` },
    ];
  }
  return [
    { term: 'trade', line: `${t.trade[0]!.toUpperCase()}${t.trade.slice(1)} trade: more trade means bigger yields and deeper dependence.` },
    { term: 'techSharing', line: t.techSharing ? 'Technology is shared: the one behind catches up, both grow a little faster.' : 'No technology is shared.' },
    { term: 'minTerm', line: `It must last at least ${count(t.minTerm, 'turn')}; leaving before that is a public break.` },
    { term: 'review', line: `Every ${t.review} turns the partners review the balance and may leave freely.` },
  ];
}
