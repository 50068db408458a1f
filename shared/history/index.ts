// A match's history: timeline, key moments, series, debrief and exports, all computed from its file.
export { buildHistory, frameAt, eventsOfTurn, type History, type Step, type HistoryResult } from './timeline.ts';
export { findMoments, conceptMoments, MOMENT_KINDS, MOMENT_CONCEPTS, type Moment, type MomentKind, type MomentConcept } from './moments.ts';
export { buildSeries, pointOf, type Point } from './series.ts';
export { buildDebrief, HISTORICAL_RELIABILITY, type Debrief } from './debrief.ts';
export { statsCsv, treatyEventsCsv, peopleCsv } from './csv.ts';
export { compareMatches, type Comparison, type MatchOutcomeRow } from './compare.ts';
