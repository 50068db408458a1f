import { describe, expect, it } from 'vitest';
import { readPublic, mePlayer, initialAppState, list } from '../../client/state/model.ts';
import { joinErrorText } from '../../client/net/errors.ts';
import { mergeChat } from '../../client/net/handlers.ts';
import { channelOf, unreadCounts } from '../../client/ui/chat/unread.ts';
import { DEFAULT_ALLIANCE } from '../../shared/rules/index.ts';
import type { ChatLine } from '../../shared/protocol/messages.ts';

// The adapter from the server's public schema state (as toJSON gives it) to the client's model.

const schemaJson = {
  code: 'ABC234', status: 'running', phase: 'policy', turn: 2, turns: 8, deadline: 1_000_000, serverTime: 400_000, paused: false, remaining: 0,
  chatFrozen: false, pressure: 36, revisionist: 'the Vharan Dominion',
  nations: [
    { id: 'valdor', name: 'Valdor', color: '#0072B2', pattern: 'solid', economy: 125, military: 41, stability: 70, reputation: 62, technology: 35, trustReceived: 24, regions: 2, crisesWithstood: 0, crisesLost: 0, player: 'p2', bot: false, chose: true },
    { id: 'kestria', name: 'Kestria', color: '#D55E00', pattern: 'stripes', economy: 92, military: 58, stability: 65, reputation: 55, technology: 10, trustReceived: 20, regions: 2, crisesWithstood: 1, crisesLost: 0, player: '', bot: true, chose: false },
  ],
  regions: [{ id: 'valdor-port', name: 'Valdor Port', owner: 'valdor', core: true, capital: true }],
  treaties: [{ id: 't3', kind: 'alliance', parties: ['valdor', 'kestria'], terms: JSON.stringify(DEFAULT_ALLIANCE), signed: 1, nextReview: 4, endsAt: 0, noticeBy: '' }],
  crises: [], calls: [{ id: 'k5', crisis: 'c4', treaty: 't3', ally: 'valdor', victim: 'kestria', answered: false }],
  events: ['Kestria called on its ally Valdor for help.'],
  news: [{ turn: 1, lines: ['A quiet year on the sea.'], concepts: [] }],
  players: { p1: { id: 'p1', nickname: 'Teacher', nation: '', host: true, ready: false, connected: true, bot: false }, p2: { id: 'p2', nickname: 'Alice Otter', nation: 'valdor', host: false, ready: true, connected: true, bot: false } },
  settings: { scenario: 'amber-sea', seats: 2, turns: 8, hostName: 'Teacher', hostPlays: false, teacherReads: true },
  scores: [], winners: [],
};

describe('reading the public state', () => {
  it('maps the schema state to meta and a rules-shaped game', () => {
    const { meta, game } = readPublic(schemaJson, 'ABC234', 500_000);
    expect(meta).toMatchObject({ code: 'ABC234', started: true, over: false, teacherReads: true, hostPlays: false, seats: 2, deadline: 1_000_000, clockOffset: -100_000 });
    expect(meta.players.map((p) => [p.id, p.name, p.nation, p.host])).toEqual([['p1', 'Teacher', null, true], ['p2', 'Alice Otter', 'valdor', false]]);
    expect(meta.extra.valdor).toMatchObject({ chose: true, trustReceived: 24, pattern: 'solid' });
    expect(meta.calls[0]).toMatchObject({ ally: 'valdor', answered: false });
    expect(game).toMatchObject({ turn: 2, turns: 8, phase: 'policy', pressure: 36, revisionistName: 'the Vharan Dominion' });
    expect(game.treaties[0]).toMatchObject({ id: 't3', parties: ['valdor', 'kestria'], terms: DEFAULT_ALLIANCE, endsAt: null, noticeBy: null });
    expect(game.news[0]!.lines).toEqual(['A quiet year on the sea.']);
  });
  it('reads the lobby, a pause and the end', () => {
    expect(readPublic({ ...schemaJson, status: 'lobby' }, 'X').meta.started).toBe(false);
    expect(readPublic({ ...schemaJson, paused: true, remaining: 42_400 }, 'X').meta.remaining).toBe(42);
    const end = readPublic({ ...schemaJson, status: 'finished', winners: ['kestria'], scores: [{ nation: 'kestria', total: 80, prosperity: 1, security: 2, standing: 3, autonomy: 4, interest: 'frontline' }] }, 'X').meta;
    expect(end.over).toBe(true);
    expect(end.winners).toEqual(['kestria']);
    expect(end.scores[0]!.total).toBe(80);
  });
  it('finds my player by the id the server sent', () => {
    const { meta } = readPublic(schemaJson, 'ABC234');
    expect(mePlayer({ ...initialAppState(), meta, playerId: 'p2' })?.name).toBe('Alice Otter');
    expect(list({ a: { x: 1 } })).toEqual([{ _key: 'a', x: 1 }]);
  });
});

describe('join errors, chat', () => {
  it('turns join refusals into plain sentences', () => {
    expect(joinErrorText({ code: 4304, message: 'x' })).toMatch(/already uses this nickname/);
    expect(joinErrorText({ code: 4305, message: 'x' })).toMatch(/full/);
    expect(joinErrorText({ code: 4308, message: 'x' })).toMatch(/over/);
    expect(joinErrorText({ code: 404, message: 'room "ZZZZZZ" not found' })).toMatch(/No match has that code/);
    expect(joinErrorText({ code: 522, message: 'locked' })).toMatch(/full/);
    expect(joinErrorText(new Error('Failed to fetch'))).toMatch(/Cannot reach/);
  });
  it('merges chat without duplicates and counts unread per channel', () => {
    const l = (id: number, from: string, to: string): ChatLine => ({ id, from, fromName: from, to, text: 'hi', turn: 1 });
    const lines = mergeChat([l(1, 'kestria', 'all'), l(2, 'kestria', 'valdor')], [l(2, 'kestria', 'valdor'), l(3, 'valdor', 'kestria')]);
    expect(lines.map((x) => x.id)).toEqual([1, 2, 3]);
    expect(channelOf(l(2, 'kestria', 'valdor'), 'valdor')).toBe('kestria');
    expect(channelOf(l(3, 'valdor', 'kestria'), 'valdor')).toBe('kestria');
    const unread = unreadCounts(lines, 'valdor', 'all');
    expect(unread.get('kestria')).toBe(1);
    expect(unread.get('all')).toBeUndefined();
  });
});
