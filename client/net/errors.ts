// Server refusals and connection failures, as sentences a student understands.

const BY_CODE: Record<string, string> = {
  unknown_code: 'No match has that code. Check the code on the teacher\u2019s screen.',
  room_full: 'That match is full: every nation is taken.',
  nickname_taken: 'Someone in that match already uses this nickname. Try another (or press "Suggest a name").',
  match_over: 'That match is over. Ask your teacher for the new code.',
  bad_nickname: 'That nickname cannot be used. Try another.',
};

// Numeric join refusals from the server (shared/protocol JOIN_ERRORS) and the matchmaker's "no such room".
const BY_NUMBER: Record<number, string> = {
  4302: 'That nickname cannot be used. Use 2 to 16 letters or digits.',
  4303: 'Please choose a friendlier nickname.',
  4304: 'nickname_taken',
  4305: 'room_full',
  4306: 'The teacher removed this browser from that match, so it cannot join it again.',
  4307: 'This browser cannot reclaim that seat. Join with another nickname.',
  4308: 'match_over',
  4310: 'The teacher has closed this match to newcomers. Ask your teacher to open it, or for the code of another match.',
  4311: 'This projector link is out of date: open the projector again from the teacher\u2019s console.',
  4329: 'Too many tries: wait a minute and try again.',
  404: 'unknown_code',
  4212: 'unknown_code',
  522: 'room_full',
  429: 'Too many tries from this computer in a short time: wait a minute and try again.',
};

/** Map an SDK / matchmaking error to a friendly sentence. */
export function joinErrorText(e: unknown): string {
  const err = e as { code?: number | string; message?: string } | null;
  const msg = String(err?.message ?? e ?? '');
  const code = err?.code;
  if (typeof code === 'string' && BY_CODE[code]) return BY_CODE[code]!;
  if (typeof code === 'number' && BY_NUMBER[code]) {
    const v = BY_NUMBER[code]!;
    return BY_CODE[v] ?? v;
  }
  for (const [k, v] of Object.entries(BY_CODE)) if (msg.includes(k)) return v;
  if (/not found|invalid room|no rooms found|does not exist/i.test(msg) || code === 4212 || code === 520) return BY_CODE.unknown_code!;
  if (/full|locked/i.test(msg)) return BY_CODE.room_full!;
  if (/nickname|name.*(taken|use)/i.test(msg)) return /taken|in use|already/i.test(msg) ? BY_CODE.nickname_taken! : msg;
  if (/over|ended|finished/i.test(msg)) return BY_CODE.match_over!;
  if (/fetch|network|ECONNREFUSED|websocket/i.test(msg)) return 'Cannot reach the game server. Check the address and your connection.';
  return msg || 'Could not join the match.';
}

// Refusals of a message, in the words a student reads (the server's sentence is used for any other code).
const MESSAGE_ERRORS: Record<string, string> = {
  waiting: 'Your teacher has not let you in yet: wait a moment, you will get a nation soon.',
  projector: 'The projector only shows the match; it cannot act.',
  unknown_nation: 'That nation is not in this match: pick one from the list.',
  not_waiting: 'That student is already in the match (someone else may have let them in).',
  not_allowed: 'That cannot be done here.',
};

/** The sentence for an `error` answer. */
export function errorText(code: string, message: string): string {
  return MESSAGE_ERRORS[code] ?? message;
}
