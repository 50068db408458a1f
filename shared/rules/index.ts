// The rules of Entente, one module per concept; this file only gathers what other floors use.
export { apply } from './apply.ts';
export { MAX_NOTE } from '../types.ts';
export { assess, preview, whenCalled, FACTORS, FACTOR_LABELS, type Assessment, type Factor, type ProposalLike } from './assess.ts';
export { setup, setupError, defaultPlayers, type SetupOptions } from './setup.ts';
export { replay, initialState, actionsToTurn, type Frame, type ReplayResult } from './replay.ts';
export { stateHash, canonicalJson } from './hash.ts';
export { scores, winners, scoreNation, INTEREST_WEIGHTS, INTEREST_LABELS, type Score } from './scoring.ts';
export { PHASE_INFO, nextPhase, hasChosen, allChosen } from './phases.ts';
export { ERRORS, type ErrorCode } from './errors.ts';
export { describeTerms, termLines } from './describe.ts';
export { buildMap, hexDistance, type MapModel, type HexCell } from './map.ts';
export { complementarity, projectYield, partnershipYield, MAX_TIES } from './partnership.ts';
export { deterrence, credibleSupport, callBlocker } from './alliance.ts';
export { TERM_LIMITS, CONTRIBUTION_SHARE, TRADE_FACTOR, DEFAULT_ALLIANCE, DEFAULT_PARTNERSHIP, termsValid } from './terms.ts';
export { publicEvents, CONCEPT_WORDS } from './news.ts';
export { freeExitFrom, reviewDue, contributionBalance } from './treaties.ts';
export { roleSheet, type RoleSheet } from './roleSheet.ts';
export { callCosts, audienceCost, holdChance } from './resolution.ts';
