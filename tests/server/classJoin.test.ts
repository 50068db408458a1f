import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bootServer, createMatch, leaveAll, type TestServer } from './helpers.ts';

// The home page cannot tell a class code from a match code, so it asks the class route for every code: a
// running match's own code is answered with that match and never counted as a wrong code (a class of
// students behind one school address all joining by the match code), while a code that is neither is.

let server: TestServer;
beforeAll(async () => {
  server = await bootServer({ joinFailBurst: 3, joinFailPerMinute: 1 });
});
afterAll(async () => {
  await server?.stop();
});

const seat = (code: string) => fetch(`${server.url}/api/classes/${code}/seat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });

describe('the class route and a match code', () => {
  test('a match code sent to the class route answers that match and is never counted as a wrong code', async () => {
    const host = await createMatch(server.url, { seats: 3 });
    const code = host.room.roomId;
    for (let i = 0; i < 6; i++) {
      const res = await seat(code);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ match: code });
    }
    // A code that is neither a class nor a match counts: after the burst, the address waits.
    const wrong = [];
    for (let i = 0; i < 5; i++) wrong.push((await seat('QQQQQQ')).status);
    expect(wrong.slice(0, 3)).toEqual([404, 404, 404]);
    expect(wrong.at(-1)).toBe(429);
    await leaveAll(host);
  });
});
