import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChatLine } from '../../shared/protocol/messages.ts';
import { Bucket, JoinThrottle, Window, checkChat, sanitizeText } from '../../server/limits.ts';
import { checkNickname, nicknameKey } from '../../server/nicknames.ts';
import { CODE_ALPHABET, isRoomCode, newRoomCode } from '../../server/roomCode.ts';
import { bootServer, createMatch, joinMatch, leaveAll, waitFor, type TestServer } from './helpers.ts';

// Limits, each with a test: text sanitising, nickname rules and the profanity filter, chat length, rate
// buckets, room codes, and the HTTP API.

describe('limits (units)', () => {
  test('control and bidi-override characters are stripped; text is normalised and trimmed', () => {
    expect(sanitizeText('  he\u202Ello\u2066 wor\u0007ld\n\t! ')).toBe('hello wor ld !');
    expect(sanitizeText('a\u200Fb\u061Cc\u202Ad\u2069')).toBe('abcd');
    expect(sanitizeText('\u0000\u001F\u007F\u0085')).toBe('');
    expect(sanitizeText('cafe\u0301')).toBe('café');
  });

  test('nickname rules: 2–16 characters after trimming, plain characters, unique, not offensive', () => {
    expect(checkNickname('  Zoë  ')).toMatchObject({ ok: true, nickname: 'Zoë' });
    expect(checkNickname('Al\u202Eice')).toMatchObject({ ok: true, nickname: 'Alice' });
    expect(checkNickname('J')).toMatchObject({ ok: false, code: 'bad_nickname' });
    expect(checkNickname('x'.repeat(17))).toMatchObject({ ok: false, code: 'bad_nickname' });
    expect(checkNickname('x'.repeat(16))).toMatchObject({ ok: true });
    expect(checkNickname('<b>Bo</b>')).toMatchObject({ ok: false, code: 'bad_nickname' });
    expect(checkNickname(42)).toMatchObject({ ok: false, code: 'bad_nickname' });
    const rude = checkNickname('fuckface');
    expect(rude).toMatchObject({ ok: false, code: 'offensive_nickname' });
    if (!rude.ok) expect(rude.message).toMatch(/please/i);
    expect(checkNickname('Sc4mp')).toMatchObject({ ok: true }); // no false alarm on ordinary names
  });

  test('nicknames compare folded: full-width, case and Cyrillic/Greek look-alikes are the same name', () => {
    const ines = nicknameKey('Ines');
    for (const twin of ['Ｉｎｅｓ', 'INES', 'ines', 'Іnes', 'Inеs', 'Ines ']) expect(nicknameKey(checkNickname(twin).ok ? (checkNickname(twin) as { nickname: string }).nickname : twin)).toBe(ines);
    expect(checkNickname('Ｉｎｅｓ')).toMatchObject({ ok: true, nickname: 'Ines' });
    expect(nicknameKey('Zoë')).not.toBe(nicknameKey('Zoe'));
  });

  test('names and slurs no school wants on a projector are refused, however they are written; real names pass', () => {
    for (const bad of ['Hitler', 'h1tler', 'HITLER', 'h i t l e r', 'Ｈｉｔｌｅｒ', 'Adolf Hitler', 'nazi', 'Nazi Bob', 'n4zi', 'KKK', 'isis', 'Heil', 'Pol Pot', 'Bin Laden', 'retard', 'rapist']) {
      expect(checkNickname(bad), bad).toMatchObject({ ok: false, code: 'offensive_nickname' });
    }
    for (const fine of ['Nazir', 'Torpedo', 'Crisis', 'Cassandra', 'Scunthorpe', 'Ines', 'Kestria', 'Sasha', 'Stalinka', 'Ahmed', 'Mia-Li', "O'Neil"]) {
      expect(checkNickname(fine), fine).toMatchObject({ ok: true });
    }
  });

  test('chat: at most 300 characters, stripped, offensive words starred', () => {
    expect(checkChat('a'.repeat(300))).toMatchObject({ ok: true });
    expect(checkChat('a'.repeat(301))).toMatchObject({ ok: false, code: 'chat_too_long' });
    expect(checkChat(' \u202E ')).toMatchObject({ ok: false, code: 'empty_chat' });
    const c = checkChat('you are a bitch');
    expect(c.ok && c.text.includes('*') && !c.text.includes('bitch')).toBe(true);
  });

  test('buckets and windows', () => {
    const b = new Bucket(3, 1, 0);
    expect([b.take(0), b.take(0), b.take(0), b.take(0)]).toEqual([true, true, true, false]);
    expect(b.take(1000)).toBe(true);
    expect(b.take(1000)).toBe(false);
    const w = new Window(2);
    expect([w.hit(0), w.hit(1), w.hit(2), w.hit(3)]).toEqual(['ok', 'ok', 'refuse', 'drop']);
    expect(w.hit(1000)).toBe('ok');
    const t = new JoinThrottle(2, 60);
    expect(t.blocked('ip', 0)).toBe(false);
    t.fail('ip', 0);
    t.fail('ip', 0);
    expect(t.blocked('ip', 0)).toBe(true);
    expect(t.blocked('other', 0)).toBe(false);
    expect(t.blocked('ip', 1000)).toBe(false); // one token back after a second at 60/minute
  });

  test('room codes: 6 characters without look-alikes', () => {
    expect(CODE_ALPHABET).not.toMatch(/[O0I1L]/);
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const code = newRoomCode((c) => seen.has(c));
      expect(isRoomCode(code)).toBe(true);
      expect(seen.has(code)).toBe(false);
      seen.add(code);
    }
    expect(isRoomCode('ABCDE0')).toBe(false);
  });
});

describe('limits (server)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await bootServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  test('chat ≤ 300 characters; control and bidi characters stripped on the wire', async () => {
    const host = await createMatch(server.url, { seats: 3, turns: 2, hostName: 'Teacher' });
    const a = await joinMatch(server.url, host.room.roomId, { nickname: 'Ama' });
    expect((await a.ask('chat', { to: 'all', text: 'é'.repeat(300) })).type).toBe('accepted');
    expect((await a.ask('chat', { to: 'all', text: 'b'.repeat(301) })).payload.code).toBe('chat_too_long');
    expect((await a.ask('chat', { to: 'all', text: 'evil\u202Etxt.exe\u0007 ok' })).type).toBe('accepted');
    const line = await waitFor(() => host.all<ChatLine>('chat').find((l) => l.text.startsWith('evil')), 'line');
    expect(line.text).toBe('eviltxt.exe ok');
    expect(line.fromName).toBe('Ama');
    expect((await a.ask('chat', { to: 'atlantis', text: 'hi' })).payload.code).toBe('bad_recipient');
    await leaveAll(host, a);
  });

  test('nicknames: stripped, 2–16, unique in the room (any case), kind refusal of offensive names', async () => {
    const host = await createMatch(server.url, { seats: 4, turns: 2, hostName: 'Teacher' });
    const code = host.room.roomId;
    const a = await joinMatch(server.url, code, { nickname: ' Ma\u202Ery ' });
    expect(a.last<{ nickname: string }>('seat')!.nickname).toBe('Mary');
    await waitFor(() => [...host.room.state.players.values()].some((p) => p.nickname === 'Mary'), 'Mary listed');
    await expect(joinMatch(server.url, code, { nickname: 'MARY' })).rejects.toMatchObject({ code: 4304 });
    await expect(joinMatch(server.url, code, { nickname: 'M' })).rejects.toMatchObject({ code: 4302 });
    await expect(joinMatch(server.url, code, { nickname: 'x'.repeat(17) })).rejects.toMatchObject({ code: 4302 });
    await expect(joinMatch(server.url, code, { nickname: 'shithead' })).rejects.toMatchObject({ code: 4303, message: expect.stringMatching(/choose another nickname/) });
    await expect(joinMatch(server.url, code, { nickname: 'Ok', role: 'admin' })).rejects.toMatchObject({ code: 4301 });
    await expect(createMatch(server.url, { hostName: 'fuckface' })).rejects.toMatchObject({ code: 400 });
    await leaveAll(host, a);
  });

  test('HTTP API: health, matches, a running match stays private, the client’s paths', async () => {
    expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ ok: true });
    const host = await createMatch(server.url, { seats: 3, turns: 2, hostName: 'Teacher' });
    const list = await (await fetch(`${server.url}/api/matches`)).json() as { matches: { id: string; status: string; scenario: string }[] };
    expect(list.matches.some((m) => m.id === host.room.roomId)).toBe(false);
    expect((await fetch(`${server.url}/api/matches/${host.room.roomId}`)).status).toBe(409);
    expect((await fetch(`${server.url}/api/matches/NOSUCH`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/nothing`)).status).toBe(404);
    // No built client in this server's static dir: a clear message, not a crash.
    const page = await fetch(`${server.url}/replay/ABC`);
    expect(page.status).toBe(404);
    expect(await page.text()).toMatch(/not built/);
    await leaveAll(host);
  });

  test('the built client is served, with index.html for the app’s own paths and no way out of its folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-dist-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Entente</title>');
    writeFileSync(join(dir, 'assets', 'app-abcdef12.js'), 'console.log(1)');
    writeFileSync(join(tmpdir(), 'entente-outside.txt'), 'secret');
    const previous = server.ctx.config.staticDir;
    server.ctx.config.staticDir = dir;
    try {
      for (const path of ['/', '/?code=ABCDEF', '/matches', '/replay/ABCDEF']) {
        const r = await fetch(`${server.url}${path}`);
        expect(r.status, path).toBe(200);
        expect(r.headers.get('content-type')).toMatch(/text\/html/);
        expect(await r.text()).toContain('<title>Entente</title>');
      }
      const js = await fetch(`${server.url}/assets/app-abcdef12.js`);
      expect(js.status).toBe(200);
      expect(js.headers.get('content-type')).toMatch(/javascript/);
      expect(js.headers.get('cache-control')).toMatch(/immutable/);
      expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
      const out = await fetch(`${server.url}/..%2f..%2fentente-outside.txt`);
      expect(await out.text()).not.toBe('secret');
      expect((await fetch(`${server.url}/api/health`)).headers.get('content-type')).toMatch(/json/);
    } finally {
      server.ctx.config.staticDir = previous;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
