import type { CLOSE_CODES, GUIDE_EXTRA_SECONDS as GUIDE, JOIN_ERRORS, MAX_CHAT as CHAT, ServerMessageType } from '../../shared/protocol/messages.ts';

// The protocol's constants the browser needs. shared/protocol/messages.ts also builds the zod schemas
// the server validates with, and importing any of its values would bring zod (~35 kB gzipped) into the
// first load; so the values are repeated here, each typed by the protocol's own literal type: if the
// protocol changes one, this file stops compiling.

export const SERVER_MESSAGE_TYPES = ['error', 'accepted', 'seat', 'private', 'teacher', 'chat', 'shutdown', 'kicked'] as const satisfies readonly ServerMessageType[];
// Every server message type is listed (the reverse of the `satisfies` above).
const allListed: Exclude<ServerMessageType, (typeof SERVER_MESSAGE_TYPES)[number]> extends never ? true : never = true;
void allListed;

export const KICKED_CLOSE: (typeof CLOSE_CODES)['kicked'] = 4100;
export const REPLACED_CLOSE: (typeof CLOSE_CODES)['replaced'] = 4101;
export const MAX_CHAT: typeof CHAT = 300;
export const GUIDE_EXTRA_SECONDS: typeof GUIDE = 90;

type J = typeof JOIN_ERRORS;
/** Join refusals that retrying cannot fix. */
export const FINAL_JOIN_CODES: ReadonlySet<number> = new Set<J[keyof J]>([
  4301 satisfies J['bad_options'], 4302 satisfies J['bad_nickname'], 4303 satisfies J['offensive_nickname'], 4304 satisfies J['nickname_taken'],
  4306 satisfies J['kicked'], 4307 satisfies J['wrong_secret'], 4308 satisfies J['match_over'], 4310 satisfies J['match_locked'], 4311 satisfies J['bad_projector'],
]);
