// The glossary: every concept word the interface and the news use, in plain language (two sentences
// each), for tooltips and the side panel. Keys of CONCEPT_WORDS (shared/rules/news.ts) are all here,
// plus the everyday words of the game's screens.

export interface GlossaryEntry {
  /** The word as it appears in the interface. */
  term: string;
  /** Two plain sentences: what it is, then how it shows up in Entente. */
  definition: string;
  /** Where in the game to see it (screen, panel or phase). */
  where: string;
}

export const GLOSSARY: Record<string, GlossaryEntry> = {
  'collective-defence': {
    term: 'collective defence',
    definition: 'Several countries agree that an attack on one of them is treated as an attack on all. In Entente a defensive alliance is a promise of collective defence that only wakes up when a crisis hits a member.',
    where: 'The alliance composer (Negotiate tab), the map’s solid lines, and the news when allies are called.',
  },
  'casus-foederis': {
    term: 'casus foederis',
    definition: 'Latin for "the case of the treaty": the exact situation in which allies must help. Your alliance terms (which attacker, which regions, provoked or not) decide when it applies.',
    where: 'The alliance terms in the Negotiate tab (adversary, scope, non-provocation) and each call for help.',
  },
  deterrence: {
    term: 'deterrence',
    definition: 'Discouraging an attack by making it look too costly to try. Strong, reliable allies make crises against you rarer and weaker.',
    where: 'The assessment beside every alliance proposal, and how often crises strike allied nations.',
  },
  abandonment: {
    term: 'abandonment',
    definition: 'The fear that an ally will not come when you need it. If a called ally abstains, the victim faces the crisis alone and that alliance ends.',
    where: 'The crisis phase, when a called ally abstains; the news and the debrief’s key moments.',
  },
  entrapment: {
    term: 'entrapment',
    definition: 'Being dragged into a conflict you would rather avoid because of a promise to an ally. Each crisis that hits your ally may call on you to send troops.',
    where: 'The crisis phase, when you are called into a partner’s crisis; the "Risks" line of the assessment.',
  },
  credibility: {
    term: 'credibility',
    definition: 'How believable a promise is, judged by what the promiser did before. Honouring calls builds it; abstaining destroys it in front of everyone.',
    where: 'The "Trust and credibility" line of the assessment, and reputation after every call.',
  },
  'audience-cost': {
    term: 'audience costs',
    definition: 'The price a leader pays when seen breaking a public commitment. Abstaining or breaking a treaty costs reputation, more for formal and long-standing deals.',
    where: 'Reputation lost after an abstention or a public break, in the news and the Treaties tab.',
  },
  'burden-sharing': {
    term: 'burden sharing',
    definition: 'How the costs of a common defence are split between allies. The contribution term (token, partial, full) sets what each member sends when called.',
    where: 'The contribution term of an alliance (token, partial, full), and the balance shown at a review.',
  },
  'free-riding': {
    term: 'free riding',
    definition: 'Enjoying the protection others pay for while contributing little yourself. A small nation in a big alliance can be tempted to do it, and partners notice.',
    where: 'Reviews of unequal alliances, and the debrief’s key moments.',
  },
  'complex-interdependence': {
    term: 'complex interdependence',
    definition: 'Countries tied by many economic and social links, so that force becomes less useful between them. Strategic partnerships build these ties year after year.',
    where: 'Partnership yields in the news, and the dashed partnership lines on the map.',
  },
  'comparative-advantage': {
    term: 'comparative advantage',
    definition: 'Each economy does best by specialising in what it is relatively good at and trading for the rest. Partners with different resource profiles gain the most from each other.',
    where: 'The "Resource complementarity" line of the assessment, and partnership yields in the news.',
  },
  sensitivity: {
    term: 'sensitivity',
    definition: 'How quickly and how much a shock in one country is felt by its partners. When your partner loses a crisis, your yield from that partnership drops the same year.',
    where: 'The resolution news when a partner loses a crisis, and the debrief’s key moments.',
  },
  vulnerability: {
    term: 'vulnerability',
    definition: 'How badly you would suffer if a relationship were cut off altogether. The more you depend on a partner, the more a broken partnership hurts you.',
    where: 'Dependence in the nation details, and the output lost when a partnership is broken.',
  },
  'weaponised-interdependence': {
    term: 'weaponised interdependence',
    definition: 'Using the dependence of others as a lever of pressure. A nation others rely on can threaten to cut ties to get its way.',
    where: 'Coercive demands in the policy phase, made against nations that depend on you.',
  },
  'shadow-of-the-future': {
    term: 'the shadow of the future',
    definition: 'When people expect to deal with each other again, cheating today costs tomorrow. Because the match lasts many turns, your reputation follows you.',
    where: 'The turn counter: promises broken in the last years are flagged in the debrief.',
  },
  governance: {
    term: 'treaty governance',
    definition: 'The written rules of a treaty: its commitments, review dates, duration and how to leave. At each review the members see who contributed what and may renew, amend or leave.',
    where: 'Review turns and exit notice in the Treaties tab; renew, amend or leave at a review.',
  },
  'exit-notice': {
    term: 'exit notice',
    definition: 'A formal warning that you will leave a treaty after a set number of turns. Leaving with notice is lawful; leaving without it is a public break.',
    where: 'The "Give exit notice" button in the Treaties tab, and the notice term of an alliance.',
  },
  'security-dilemma': {
    term: 'the security dilemma',
    definition: 'What one country does to feel safer can make its neighbours feel less safe. Arming or making demands may push others to arm and ally against you.',
    where: 'The defence share and coercive demands of the policy phase, and the crises they provoke.',
  },
  // Everyday words of the interface.
  alliance: {
    term: 'defensive alliance',
    definition: 'A formal promise of military help that stays dormant until a crisis meets its terms. It deters attackers and costs upkeep, and it can drag you into your ally\u2019s crises.',
    where: 'The Negotiate tab (propose), the Treaties tab, solid lines on the map.',
  },
  partnership: {
    term: 'strategic partnership',
    definition: 'A long-term economic and technological agreement that yields output every turn, growing as ties deepen. It never obliges you to fight, but it builds dependence.',
    where: 'The Negotiate tab (propose), the Treaties tab, dashed lines on the map.',
  },
  reputation: {
    term: 'reputation',
    definition: 'What every nation thinks of your word, from 0 to 100, visible to all. It rises when you keep promises and falls when you abstain or break treaties.',
    where: 'The top bar (your own), each nation’s details on the map, and the standing score.',
  },
  trust: {
    term: 'trust',
    definition: 'How much one nation believes another, from -100 to 100. It moves with deeds you have seen: honoured calls raise it, defections lower it.',
    where: 'Each nation’s details on the map, and the assessment beside every proposal.',
  },
  ties: {
    term: 'ties',
    definition: 'The depth of a partnership, from 0 to 5, growing by one each turn. More ties mean bigger yields and more dependence.',
    where: 'The nation details and the Treaties tab, for each partnership.',
  },
  dependence: {
    term: 'dependence',
    definition: 'How much your economy relies on a partner, from 0 to 100. High dependence makes you sensitive to its troubles and vulnerable if the partnership ends.',
    where: 'The nation details, and the "Risks" line of the assessment.',
  },
  complementarity: {
    term: 'complementarity',
    definition: 'How different two economies are, from 0 (alike) to 100 (nothing in common). Different economies have more to gain from trading with each other.',
    where: 'The assessment beside every proposal, and the resources shown in the lobby.',
  },
  review: {
    term: 'review',
    definition: 'A scheduled turn when the members look at the balance of contributions. At a review you may renew, amend the terms together, or leave without penalty.',
    where: 'The Treaties tab, when a review turn comes.',
  },
  'national-interest': {
    term: 'national interest',
    definition: 'Your nation\u2019s secret priorities, which decide how your final score is weighted. A trading state values prosperity, a frontline state security, a neutral state its freedom.',
    where: 'Your role sheet, and the final scores.',
  },
  'coercive-demand': {
    term: 'coercive demand',
    definition: 'A threat backed by your military to make another nation give way. It can start a crisis, and an ally who provoked it may not be owed help.',
    where: 'The policy phase (sealed choice).',
  },
  crisis: {
    term: 'crisis',
    definition: 'An attack or threat against a nation\u2019s region, decided by comparing defence with its severity. Losing costs output and stability and may cost the region.',
    where: 'The crisis phase: warning marks on the map and the news.',
  },
  'defence-share': {
    term: 'defence share',
    definition: 'The part of your output you spend on the military this turn; the rest is invested in growth. It is the classic choice between guns and butter.',
    where: 'The slider of the policy phase.',
  },
};

/** Look up a glossary entry by key or by its displayed term (case-insensitive). */
export function glossaryEntry(keyOrTerm: string): GlossaryEntry | undefined {
  const direct = GLOSSARY[keyOrTerm];
  if (direct) return direct;
  const lower = keyOrTerm.toLowerCase();
  return Object.values(GLOSSARY).find((e) => e.term.toLowerCase() === lower);
}
