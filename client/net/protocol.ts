import { CLOSE_CODES, JOIN_ERRORS } from '../../shared/protocol/constants.ts';

export { GUIDE_EXTRA_SECONDS, MAX_CHAT, SERVER_MESSAGES } from '../../shared/protocol/constants.ts';

// What the browser needs of the protocol, from its zod-free constants (the schemas stay on the server).

/** Join refusals that retrying cannot fix. */
export const FINAL_JOIN_CODES: ReadonlySet<number> = new Set<number>([
  JOIN_ERRORS.bad_options, JOIN_ERRORS.bad_nickname, JOIN_ERRORS.offensive_nickname, JOIN_ERRORS.nickname_taken,
  JOIN_ERRORS.kicked, JOIN_ERRORS.wrong_secret, JOIN_ERRORS.match_over, JOIN_ERRORS.match_locked, JOIN_ERRORS.bad_projector,
]);

export { CLOSE_CODES };
