import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChatLine, ErrorMessage, PrivateView } from '../../shared/protocol/messages.ts';
import type { MatchFile } from '../../shared/types.ts';
import { bootServer, createMatch, joinMatch, leaveAll, liveActions, waitFor, type Player, type TestServer } from './helpers.ts';

// The whole class in one match: 24 students as 8 teams of 3. Ministers draft, heads sign, a minister's
// signature is refused with a clear sentence, team chat stays inside the team (on the wire too), and the
// log names who drafted and who signed.

let server: TestServer;
beforeAll(async () => {
  server = await bootServer({ joinBurst: 500 });
});
afterAll(async () => {
  await server?.stop();
});

type Seat = { nation: string; playerId: string; secret: string };
const seatOf = (p: Player): Seat => p.last<Seat>('seat')!;
const view = (p: Player) => p.last<PrivateView>('private')!;
const partnership = { kind: 'partnership', trade: 'medium', techSharing: true, minTerm: 3, review: 3 };

describe('teams', () => {
  test('24 students in 8 teams of 3 play a turn: drafts by ministers, signatures by heads, team chat private', async () => {
    const host = await createMatch(server.url, { seats: 8, turns: 2, hostName: 'Teacher', hostPlays: false, teamSize: 3, timers: { diplomacy: 600, policy: 600, crisis: 600 } });
    const code = host.room.roomId;
    const students: Player[] = [];
    for (let i = 0; i < 24; i++) students.push(await joinMatch(server.url, code, { nickname: `Student ${i + 1}` }));
    const st = host.room.state;
    expect(st.settings.teamSize).toBe(3);
    // Fill evenly: three to a nation, and roles by place: head, foreign minister, defence + trade.
    const teams = new Map<string, Player[]>();
    for (const s of students) teams.set(seatOf(s).nation, [...(teams.get(seatOf(s).nation) ?? []), s]);
    expect(teams.size).toBe(8);
    for (const t of teams.values()) expect(t).toHaveLength(3);
    const roleOf = (p: Player) => st.players.get(seatOf(p).playerId)!.roles;
    const byRole = (nation: string, role: string) => teams.get(nation)!.find((p) => roleOf(p).split(',').includes(role))!;
    const nations = [...teams.keys()];
    for (const n of nations) expect(teams.get(n)!.map(roleOf).sort()).toEqual(['defence,trade', 'foreign', 'head']);
    expect((await host.ask('start')).type).toBe('accepted');

    const [A, B] = nations as [string, string];
    // A's foreign minister cannot send on their own: a clear refusal.
    const refused = await byRole(A, 'foreign').ask('propose', { to: [B], terms: partnership });
    expect(refused.type).toBe('error');
    expect(refused.payload).toMatchObject({ code: 'not_signer', message: expect.stringMatching(/head of government/) });
    // They draft it; the whole team sees the draft; a minister's `sign` is refused; the head signs.
    expect((await byRole(A, 'foreign').ask('draft', { action: { type: 'propose', to: [B], terms: partnership }, note: 'Trade first, then trust.' })).type).toBe('accepted');
    for (const member of teams.get(A)!) await waitFor(() => view(member).team?.drafts.length === 1, 'team sees the draft');
    const draft = view(byRole(A, 'head')).team!.drafts[0]!;
    expect(draft).toMatchObject({ by: seatOf(byRole(A, 'foreign')).playerId, action: { type: 'propose', to: [B] }, note: 'Trade first, then trust.' });
    // Other nations see nothing of it.
    expect(view(byRole(B, 'head')).team!.drafts).toEqual([]);
    const minister = await byRole(A, 'defence').ask('sign', { draft: draft.id });
    expect(minister.payload).toMatchObject({ code: 'not_signer' });
    expect((await byRole(A, 'head').ask('sign', { draft: draft.id })).type).toBe('accepted');
    // B's whole team sees the proposal; B's minister drafts the answer, B's head signs it.
    for (const member of teams.get(B)!) await waitFor(() => view(member).proposals.find((p) => p.from === A && p.status === 'open'), 'B sees it');
    const proposal = view(byRole(B, 'foreign')).proposals.find((p) => p.from === A)!;
    expect((await byRole(B, 'foreign').ask('draft', { action: { type: 'accept', proposal: proposal.id }, note: 'Good for our farms.' })).type).toBe('accepted');
    const answer = await waitFor(() => view(byRole(B, 'head')).team?.drafts[0], 'B head sees the draft');
    expect((await byRole(B, 'head').ask('sign', { draft: answer.id })).type).toBe('accepted');
    await waitFor(() => [...st.treaties].some((t) => t.kind === 'partnership' && t.parties.includes(A) && t.parties.includes(B)), 'treaty');

    // Team chat: every member of the team reads it; no one else receives it, not even in raw frames.
    expect((await byRole(A, 'defence').ask('chat', { to: 'team', text: 'team-only-7731' })).type).toBe('accepted');
    for (const member of teams.get(A)!) await waitFor(() => member.all<ChatLine>('chat').some((l) => l.text === 'team-only-7731'), 'team reads');
    for (const [n, members] of teams) {
      if (n === A) continue;
      for (const s of members) expect(s.frames.some((f) => Buffer.from(f).toString('latin1').includes('team-only-7731'))).toBe(false);
    }
    expect(host.frames.some((f) => Buffer.from(f).toString('latin1').includes('team-only-7731'))).toBe(false);
    // The defence minister may not talk to other nations: that is the head's and the foreign minister's job.
    expect((await byRole(A, 'defence').ask('chat', { to: B, text: 'hello' })).payload).toMatchObject({ code: 'not_negotiator' });
    expect((await byRole(A, 'foreign').ask('chat', { to: B, text: 'welcome, partner' })).type).toBe('accepted');
    await waitFor(() => teams.get(B)!.every((s) => s.all<ChatLine>('chat').some((l) => l.text === 'welcome, partner')), 'B team reads');

    // The turn goes on: policy drafted by the defence minister and signed by the head, for every team.
    expect((await host.ask('advance', { phase: 'diplomacy' })).type).toBe('accepted');
    await waitFor(() => st.phase === 'policy', 'policy');
    for (const n of nations) {
      expect((await byRole(n, 'defence').ask('draft', { action: { type: 'policy', defence: 30, demand: null } })).type).toBe('accepted');
      const d = await waitFor(() => view(byRole(n, 'head')).team?.drafts.find((x) => x.action.type === 'policy'), 'policy draft');
      expect((await byRole(n, 'head').ask('sign', { draft: d.id })).type).toBe('accepted');
    }
    // Every nation chose: the phase moves on without waiting for its clock.
    await waitFor(() => st.phase !== 'policy', 'past policy');
    for (const phase of ['crisis', 'resolution', 'news']) if (st.phase === phase) await host.ask('advance', { phase });
    await waitFor(() => st.turn === 2, 'turn 2');
    expect((await host.ask('endMatch')).type).toBe('accepted');
    await waitFor(() => st.status === 'finished', 'finished');

    // The log names who drafted and who signed; the match file records the teams and their roles.
    const file = await (await fetch(`${server.url}/api/matches/${code}`)).json() as MatchFile;
    const signedPropose = file.actions.find((a) => a.type === 'propose' && 'by' in a && a.by === A && a.signed);
    expect(signedPropose && 'signed' in signedPropose && signedPropose.signed).toEqual({ drafter: seatOf(byRole(A, 'foreign')).playerId, signer: seatOf(byRole(A, 'head')).playerId });
    expect(file.people).toHaveLength(24);
    expect(file.people!.find((p) => p.id === seatOf(byRole(A, 'head')).playerId)).toMatchObject({ nation: A, roles: ['head'] });
    // Without publishing negotiations, the team's journal lines stay out of the public record.
    expect(JSON.stringify(file)).not.toContain('Trade first, then trust.');
    const errors = students.flatMap((s) => s.all<ErrorMessage>('error')).map((e) => e.code);
    expect(errors.filter((c) => !['not_signer', 'not_negotiator'].includes(c))).toEqual([]);
    await leaveAll(host, ...students);
  }, 60_000);

  test('"any member may sign" and "team vote"; a member dropping never drops the nation', async () => {
    const vote = await createMatch(server.url, { seats: 3, turns: 2, hostName: 'Teacher', hostPlays: false, teamSize: 3, signing: 'vote', timers: { diplomacy: 600 } });
    const members: Player[] = [];
    for (let i = 0; i < 9; i++) members.push(await joinMatch(server.url, vote.room.roomId, { nickname: `Voter ${i + 1}` }));
    expect((await vote.ask('start')).type).toBe('accepted');
    const nation = seatOf(members[0]!).nation;
    const team = members.filter((m) => seatOf(m).nation === nation);
    const other = [...vote.room.state.nations].find((n) => n.id !== nation)!.id;
    expect((await team[0]!.ask('propose', { to: [other], terms: partnership })).payload).toMatchObject({ code: 'needs_vote' });
    expect((await team[0]!.ask('draft', { action: { type: 'propose', to: [other], terms: partnership } })).type).toBe('accepted');
    const d = await waitFor(() => view(team[1]!).team?.drafts[0], 'draft');
    expect(view(team[1]!).team!.needed).toBe(2);
    // A member drops: the other two carry on, and no bot plays the nation.
    team[2]!.room.reconnection.enabled = false;
    team[2]!.room.connection.close(3000, 'cut');
    expect((await team[1]!.ask('approve', { draft: d.id })).type).toBe('accepted');
    await waitFor(() => liveActions(vote.room.roomId) > 0 && [...vote.room.state.nations].find((n) => n.id === nation)!.bot === false, 'sent by majority');
    await waitFor(() => view(team[0]!).proposals.some((p) => p.from === nation), 'the proposal went out');
    await leaveAll(vote, ...members);

    const any = await createMatch(server.url, { seats: 3, turns: 2, hostName: 'Teacher', hostPlays: false, teamSize: 2, signing: 'any', timers: { diplomacy: 600 } });
    const kids: Player[] = [];
    for (let i = 0; i < 6; i++) kids.push(await joinMatch(server.url, any.room.roomId, { nickname: `Young ${i + 1}` }));
    expect((await any.ask('start')).type).toBe('accepted');
    const mine = seatOf(kids[1]!).nation;
    const target = [...any.room.state.nations].find((n) => n.id !== mine)!.id;
    const nonHead = kids.filter((k) => seatOf(k).nation === mine).find((k) => !any.room.state.players.get(seatOf(k).playerId)!.roles.includes('head'))!;
    expect((await nonHead.ask('propose', { to: [target], terms: partnership })).type).toBe('accepted');
    await leaveAll(any, ...kids);
  }, 60_000);

  test('the teacher makes teams from everyone who joined (balanced, random, or a pasted list) and gives out roles', async () => {
    const host = await createMatch(server.url, { seats: 4, turns: 2, hostName: 'Teacher', hostPlays: false, teamSize: 3 });
    const st = host.room.state;
    const kids: Player[] = [];
    for (let i = 0; i < 12; i++) kids.push(await joinMatch(server.url, host.room.roomId, { nickname: `Kid ${i + 1}` }));
    const sizes = () => [...st.nations].map((n) => [...st.players.values()].filter((p) => p.nation === n.id).length);
    expect((await host.ask('makeTeams', { mode: 'random' })).type).toBe('accepted');
    await waitFor(() => sizes().every((n) => n === 3), 'four teams of three');
    const [first, second] = [...st.nations];
    const list = `${first!.name}: Kid 1, Kid 2\n${second!.name}: Kid 3`;
    expect((await host.ask('makeTeams', { mode: 'list', list })).type).toBe('accepted');
    await waitFor(() => seatOf(kids[0]!).nation === first!.id && seatOf(kids[1]!).nation === first!.id && seatOf(kids[2]!).nation === second!.id, 'as listed');
    await waitFor(() => sizes().every((n) => n === 3), 'the rest spread');
    expect((await host.ask('makeTeams', { mode: 'list', list: 'Atlantis: Kid 1' })).payload).toMatchObject({ code: 'bad_list' });
    const kid2 = seatOf(kids[1]!).playerId;
    expect((await host.ask('setRole', { player: kid2, role: 'head' })).type).toBe('accepted');
    await waitFor(() => st.players.get(kid2)!.roles === 'head', 'Kid 2 is head');
    expect(st.players.get(seatOf(kids[0]!).playerId)!.roles).not.toContain('head');
    expect((await kids[0]!.ask('takeRole', { role: 'head' })).payload).toMatchObject({ code: 'roles_by_teacher' });
    expect((await kids[0]!.ask('makeTeams', { mode: 'balanced' })).payload).toMatchObject({ code: 'not_host' });
    await leaveAll(host, ...kids);
  }, 60_000);
});
