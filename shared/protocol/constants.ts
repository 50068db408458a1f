// The protocol's plain constants: message types, error and close codes, limits. Kept apart from the zod
// schemas of ./messages.ts (which re-exports them) so the browser can import them without zod.

export const MAX_CHAT = 300;

export const NICKNAME = { min: 2, max: 16 } as const;

/** Extra seconds the first year's diplomacy gets while the guided first turn is on (host setting `guide`). */
export const GUIDE_EXTRA_SECONDS = 90;

/** Chat lines kept in a `private` view. */
export const CHAT_HISTORY = 100;

/** Every message the server sends with `client.send` (the public state travels as schema patches). */
export const SERVER_MESSAGES = ['error', 'accepted', 'seat', 'private', 'privateChanges', 'teacher', 'chat', 'shutdown', 'kicked'] as const;
export type ServerMessageType = (typeof SERVER_MESSAGES)[number];

/**
 * Codes of `error` answers that come from the server rather than the rules (the rules' own codes are in
 * shared/rules/errors.ts and pass through unchanged).
 */
export const SERVER_ERRORS = {
  unknown_type: 'The server does not know that kind of message.',
  bad_message: 'That message is malformed.',
  no_actor: 'Do not say which nation acts: the server knows your seat.',
  too_large: 'That message is too large.',
  rate_limited: 'Too many messages at once: slow down a little.',
  not_host: 'Only the host can do that.',
  not_seated: 'You do not hold a nation, so you cannot do that.',
  not_started: 'The match has not started yet.',
  not_lobby: 'That can only be done before the match starts.',
  paused: 'The match is paused.',
  match_over: 'The match is over.',
  chat_frozen: 'The teacher has paused the chat.',
  chat_too_long: 'A chat message has at most 300 characters.',
  empty_chat: 'That message is empty.',
  bad_recipient: 'There is no one by that name in this match.',
  seat_taken: 'Someone already plays that nation.',
  seat_locked: 'You cannot change nation once the match has started.',
  unknown_player: 'There is no such player in this match.',
  unknown_nation: 'There is no nation with that name in this match.',
  not_waiting: 'That player is not waiting to be let in.',
  waiting: 'The teacher has not let you in yet: wait a moment.',
  projector: 'The projector only shows the match; it cannot act.',
  not_allowed: 'That is not allowed.',
  not_signer: 'Only your head of government signs for your nation: save it as a draft, and they can sign it.',
  needs_vote: 'Your team decides by vote: save it as a draft, and it goes out once most of your team approves.',
  unknown_draft: 'That draft does not exist any more (it was signed, discarded, or its phase ended).',
  not_negotiator: 'Talking to other nations is your head of government\'s and foreign minister\'s job: tell your team in team chat.',
  roles_by_teacher: 'Your teacher gives out the roles in this match.',
  team_full: 'That nation\'s team is full.',
  shutting_down: 'The server is restarting; try again in a moment.',
  storage: 'The server could not save that, so it did not happen. Try again.',
  internal: 'Something went wrong on the server; nothing was changed.',
} as const;
export type ServerErrorCode = keyof typeof SERVER_ERRORS;

/**
 * Join refusals (onAuth/onJoin): the SDK's join promise rejects with this numeric `code` and a sentence.
 * Wrong room codes are answered by the matchmaker (HTTP 4xx, code 522) and counted per IP.
 */
export const JOIN_ERRORS = {
  bad_options: 4301,
  bad_nickname: 4302,
  offensive_nickname: 4303,
  nickname_taken: 4304,
  match_full: 4305,
  kicked: 4306,
  wrong_secret: 4307,
  match_over: 4308,
  bad_scenario: 4309,
  /** The teacher locked the match: no newcomers. */
  match_locked: 4310,
  /** The projector key does not match. */
  bad_projector: 4311,
  throttled: 4329,
} as const;

/** WebSocket close codes the server uses besides Colyseus' own (4000 consented, 4001 shutdown, 4002 error). */
export const CLOSE_CODES = {
  kicked: 4100,
  /** The same player joined again elsewhere (another tab or device): the older connection is closed. */
  replaced: 4101,
  /** The match moved to another server process: rejoin it by code with the seat secret. */
  moved: 4102,
} as const;
