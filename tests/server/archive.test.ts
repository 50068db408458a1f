import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseMatchFile, writeMatchFile } from '../../shared/matchFile.ts';
import { replay, stateHash } from '../../shared/rules/index.ts';
import { RULES_VERSION, type MatchFile } from '../../shared/types.ts';
import { bootServer, createMatch, joinMatch, leaveAll, waitFor, type TestServer } from './helpers.ts';

// The archive API (issue 6): list with people, outcome and family; import validated by a full replay
// (refusals name the first failing action, nothing stored); deletion by the host's seat secret only;
// published negotiations; a fork of an imported match starts at the parent's hash for that turn.

let server: TestServer;
beforeAll(async () => {
  server = await bootServer();
});
afterAll(async () => {
  await server?.stop();
});

const golden = (): MatchFile => JSON.parse(readFileSync(new URL('../golden/amber-sea-3-seats-seed-11.json', import.meta.url), 'utf8')) as MatchFile;

interface Entry {
  id: string; scenario: string; status: string; turn: number | null; turns: number; over: boolean; imported: boolean; published: boolean;
  nations: { nation: string; name: string; nickname: string | null }[]; winners: { nation: string; name: string }[];
  parent: { id: string; turn: number } | null; forks: { id: string; turn: number }[]; nicknames: string[];
}

const list = async (query = ''): Promise<Entry[]> => ((await (await fetch(`${server.url}/api/matches${query}`)).json()) as { matches: Entry[] }).matches;
const hosted = async (claims: { id: string; secret: string }[]): Promise<Entry[]> => ((await (await fetch(`${server.url}/api/matches/hosted`, { method: 'POST', body: JSON.stringify({ claims }) })).json()) as { matches: Entry[] }).matches;
const post = (body: string, headers: Record<string, string> = {}) => fetch(`${server.url}/api/matches`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('import', () => {
  test('a valid match file is stored, listed with its winner, and exported identically', async () => {
    const file = golden();
    const res = await post(writeMatchFile(file));
    expect(res.status).toBe(201);
    const { id, secret } = await res.json() as { id: string; secret: string };
    expect(id).toMatch(/^[A-Z2-9]{6}$/);
    expect(secret.length).toBeGreaterThan(10);
    const back = await (await fetch(`${server.url}/api/matches/${id}`)).json() as MatchFile;
    expect(back).toEqual(file);
    const r = replay(file);
    if (!r.ok) throw new Error('golden does not replay');
    const entry = (await list()).find((e) => e.id === id)!;
    expect(entry).toMatchObject({ scenario: 'amber-sea', status: 'finished', imported: true, published: true, turns: file.settings.turns, over: true });
    expect(entry.winners.length).toBeGreaterThan(0);
    expect(entry.nations.map((n) => n.nation)).toEqual(file.players.map((p) => p.nation));
  });

  test('refusals: wrong version, truncated JSON, hand-edited field, an action the rules refuse; nothing stored', async () => {
    const before = (await list()).length;
    const file = golden();

    const wrong = await post(JSON.stringify({ ...file, rulesVersion: RULES_VERSION + 1 }));
    expect(wrong.status).toBe(422);
    expect((await wrong.json() as { message: string }).message).toMatch(new RegExp(`rules version ${RULES_VERSION + 1}.*version ${RULES_VERSION}`));

    const text = writeMatchFile(file);
    const cut = await post(text.slice(0, Math.floor(text.length / 2)));
    expect(cut.status).toBe(400);
    expect((await cut.json() as { message: string }).message).toMatch(/not valid JSON/);

    const edited = await post(JSON.stringify({ ...file, seed: 'seven' }));
    expect(edited.status).toBe(400);
    expect((await edited.json() as { message: string }).message).toMatch(/malformed at seed/);

    // An action the rules refuse: a partnership proposal during the policy phase.
    const firstPolicy = file.actions.findIndex((a) => a.type === 'policy');
    const propose = file.actions.find((a) => a.type === 'propose')!;
    const bad = { ...file, actions: [...file.actions.slice(0, firstPolicy), propose, ...file.actions.slice(firstPolicy)] };
    const refused = await post(JSON.stringify(bad));
    expect(refused.status).toBe(422);
    const body = await refused.json() as { message: string; index: number; type: string; code: string };
    expect(body.index).toBe(firstPolicy);
    expect(body.type).toBe('propose');
    expect(body.code).toBe('wrong_phase');
    expect(body.message).toContain(`Action ${firstPolicy + 1} of ${bad.actions.length} (index ${firstPolicy}, type "propose") does not replay:`);

    const empty = await post('');
    expect(empty.status).toBe(400);

    const huge = await post(`{"pad":"${'x'.repeat(4 * 1024 * 1024 + 10)}"}`);
    expect(huge.status).toBe(413);

    expect((await list()).length).toBe(before);
  });

  test('an import from a foreign page is refused', async () => {
    const res = await post(writeMatchFile(golden()), { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });
});

describe('list, delete, negotiations, fork', () => {
  test('a played match: nicknames and winner listed, scenario filter, only its host deletes it', async () => {
    const host = await createMatch(server.url, { seats: 3, turns: 2, hostName: 'Ms Park', hostPlays: false, publishNegotiations: true, timers: { diplomacy: 600 } });
    const code = host.room.roomId;
    const hostSecret = host.last<{ secret: string }>('seat')!.secret;
    const ana = await joinMatch(server.url, code, { nickname: 'Ana' });
    const anaSecret = ana.last<{ secret: string }>('seat')!.secret;
    const anaNation = ana.last<{ nation: string }>('seat')!.nation;
    const st = host.room.state;
    expect((await host.ask('start')).type).toBe('accepted');
    await waitFor(() => st.status === 'running', 'running');
    const other = [...st.nations].find((n) => n.id !== anaNation)!.id;
    expect((await ana.ask('chat', { to: other, text: 'Shall we trade?' })).type).toBe('accepted');
    expect((await ana.ask('chat', { to: 'host', text: 'A question for you' })).type).toBe('accepted');
    // While running: not in the public list (its code is the way into the class); listed to its host only,
    // with its turn; the record stays closed, and it cannot be deleted.
    expect((await list()).some((e) => e.id === code)).toBe(false);
    expect(await hosted([{ id: code, secret: anaSecret }])).toEqual([]);
    const running = (await hosted([{ id: code, secret: hostSecret }])).find((e) => e.id === code)!;
    expect(running.status).toBe('running');
    expect(running.turn).toBe(1);
    expect((await fetch(`${server.url}/api/matches/${code}`)).status).toBe(409);
    expect((await fetch(`${server.url}/api/matches/${code}`, { method: 'DELETE', headers: { 'x-entente-secret': hostSecret } })).status).toBe(409);

    for (const phase of ['diplomacy', 'policy', 'crisis', 'resolution', 'news']) await host.ask('advance', { phase });
    await waitFor(() => st.turn === 2, 'turn 2');
    for (const phase of ['diplomacy', 'policy', 'crisis', 'resolution', 'news']) await host.ask('advance', { phase });
    await waitFor(() => st.status === 'finished', 'finished');
    await leaveAll(host, ana);

    const entry = (await list('?scenario=amber-sea')).find((e) => e.id === code)!;
    expect(entry.status).toBe('finished');
    expect(entry.over).toBe(true);
    expect(entry.turn).toBe(2);
    expect(entry.nicknames).toEqual(['Ms Park', 'Ana']);
    expect(entry.nations.find((n) => n.nation === anaNation)!.nickname).toBe('Ana');
    expect(entry.nations.filter((n) => n.nickname === null).length).toBe(2);
    expect(entry.winners.length).toBeGreaterThan(0);
    expect((await list('?scenario=iron-strait')).some((e) => e.id === code)).toBe(false);

    // Published negotiations: nation-to-nation chat, never the lines with the teacher.
    const neg = await (await fetch(`${server.url}/api/matches/${code}/negotiations`)).json() as { published: boolean; chat: { text: string }[] };
    expect(neg.published).toBe(true);
    expect(neg.chat.map((l) => l.text)).toEqual(['Shall we trade?']);

    const del = (secret?: string) => fetch(`${server.url}/api/matches/${code}`, { method: 'DELETE', headers: secret ? { 'x-entente-secret': secret } : {} });
    expect((await del()).status).toBe(403);
    expect((await del(anaSecret)).status).toBe(403);
    const ok = await del(hostSecret);
    expect(ok.status).toBe(200);
    expect((await fetch(`${server.url}/api/matches/${code}`)).status).toBe(404);
    expect((await list()).some((e) => e.id === code)).toBe(false);
    expect(await server.ctx.storage.actions(code)).toEqual([]);
    expect(await server.ctx.storage.chat(code)).toEqual([]);
  });

  test('unpublished negotiations stay private: no chat, no journal notes of people', async () => {
    const host = await createMatch(server.url, { seats: 3, turns: 1, hostName: 'Host', hostPlays: false, timers: { diplomacy: 600 } });
    const code = host.room.roomId;
    const ana = await joinMatch(server.url, code, { nickname: 'Ana' });
    const st = host.room.state;
    expect((await host.ask('start')).type).toBe('accepted');
    await waitFor(() => st.status === 'running', 'running');
    const other = [...st.nations].find((n) => n.id !== ana.last<{ nation: string }>('seat')!.nation)!.id;
    await ana.ask('chat', { to: other, text: 'secret plan' });
    await host.ask('advance', { phase: 'diplomacy' });
    expect((await ana.ask('policy', { defence: 40, demand: null, note: 'my private reason' })).type).toBe('accepted');
    for (const phase of ['policy', 'crisis', 'resolution', 'news']) await host.ask('advance', { phase });
    await waitFor(() => st.status === 'finished', 'finished');
    await leaveAll(host, ana);
    const neg = await (await fetch(`${server.url}/api/matches/${code}/negotiations`)).json() as { published: boolean; chat: unknown[] };
    expect(neg).toEqual({ published: false, chat: [] });
    const text = await (await fetch(`${server.url}/api/matches/${code}`)).text();
    expect(text).not.toContain('my private reason');
    expect(text).not.toContain('secret plan');
  });

  test('a fork of an imported match starts at the parent\'s state hash for that turn; the family is listed', async () => {
    const file = golden();
    const res = await post(writeMatchFile(file));
    const { id } = await res.json() as { id: string };
    const fork = await createMatch(server.url, { seats: 3, turns: file.settings.turns, hostName: 'Host', hostPlays: false, fork: { match: id, turn: 4 } });
    const r = replay(file);
    if (!r.ok) throw new Error('golden does not replay');
    const frame = r.frames.find((f) => f.turn === 4 && f.phase === 'diplomacy')!;
    expect(fork.room.state.turn).toBe(4);
    expect(fork.room.state.hash).toBe(stateHash(frame.state));
    // While the fork is played, the public family does not show it (its code would let strangers in).
    expect((await list()).find((e) => e.id === id)!.forks).toEqual([]);
    const forkSecret = fork.last<{ secret: string }>('seat')!.secret;
    expect((await hosted([{ id: fork.room.roomId, secret: forkSecret }]))[0]!.parent).toEqual({ id, turn: 4 });
    expect((await fork.ask('endMatch')).type).toBe('accepted');
    await waitFor(() => fork.room.state.status === 'finished', 'fork finished');
    const all = await list();
    expect(all.find((e) => e.id === id)!.forks).toEqual([{ id: fork.room.roomId, turn: 4 }]);
    expect(all.find((e) => e.id === fork.room.roomId)!.parent).toEqual({ id, turn: 4 });
    await leaveAll(fork);
    // The fork's own record keeps the link, and its prefix replays like the parent's.
    const parsed = parseMatchFile(writeMatchFile(file));
    expect(parsed.ok).toBe(true);
  });

  test('a running match cannot be forked (its log holds private negotiations)', async () => {
    const host = await createMatch(server.url, { seats: 3, turns: 3, hostName: 'Host', hostPlays: false });
    await expect(createMatch(server.url, { seats: 3, turns: 3, hostName: 'Other', hostPlays: false, fork: { match: host.room.roomId, turn: 1 } })).rejects.toMatchObject({ code: 409 });
    await leaveAll(host);
  });
});
