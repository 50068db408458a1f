import { describe, expect, it } from 'vitest';
import { getScenario } from '../../shared/scenarios/index.ts';
import { setup, apply, DEFAULT_PARTNERSHIP } from '../../shared/rules/index.ts';
import type { GameState } from '../../shared/types.ts';
import type { Draft, TeamView } from '../../shared/protocol/teams.ts';
import { interestsFor } from '../../shared/scenarios/interests.ts';
import { draftText } from '../../client/teams/draftText.ts';
import { awaitingMe, mySide, roleTitles } from '../../client/view/team.ts';
import { initialAppState, type AppState } from '../../client/state/model.ts';
import { outcomeTables, scoreTables, GROUP } from '../../client/classes/compareView.ts';
import type { Comparison } from '../../shared/history/index.ts';

// The browser's side of teams: where a member stands (roles, signing alone or through drafts), a team
// draft in words with its assessment, and the class debrief's tables, four matches to a table.

const scenario = getScenario('amber-sea')!;
const fresh = (): GameState => setup(scenario, { seats: 4, turns: 6, seed: 7, interests: interestsFor(scenario.id, scenario.nations.slice(0, 4).map((n) => n.id)) });

const team = (signing: TeamView['signing'], drafts: Draft[] = []): TeamView => ({
  members: [{ id: 'p2', nickname: 'Ana', roles: ['head'], connected: true }, { id: 'p3', nickname: 'Ben', roles: ['foreign'], connected: true }, { id: 'p4', nickname: 'Cy', roles: ['defence', 'trade'], connected: false }],
  drafts, signing, needed: signing === 'vote' ? 2 : 1,
});
const stateOf = (playerId: string, t: TeamView | null): AppState => ({
  ...initialAppState(), playerId,
  priv: { nation: 'valdor', playerId, proposals: [], relations: {}, policy: null, calls: [], events: [], chat: [], teacherReads: false, team: t },
});
const draft = (id: string, approvals: string[]): Draft => ({ id, action: { type: 'policy', defence: 30, demand: null }, by: 'p4', byName: 'Cy', approvals, turn: 1, phase: 'policy' });

describe('my side of the team', () => {
  it('the head signs alone; a minister drafts; anyone signs with "any"; nobody alone with a vote', () => {
    expect(mySide(stateOf('p2', team('head')))).toMatchObject({ alone: true, talks: true, via: null, roles: ['head'] });
    expect(mySide(stateOf('p3', team('head')))).toMatchObject({ alone: false, talks: true, via: 'head' });
    expect(mySide(stateOf('p4', team('head')))).toMatchObject({ alone: false, talks: false, via: 'head', roles: ['defence', 'trade'] });
    expect(mySide(stateOf('p4', team('any')))).toMatchObject({ alone: true, via: null });
    expect(mySide(stateOf('p2', team('vote')))).toMatchObject({ alone: false, via: 'vote' });
    // One student per nation: no team, every decision direct.
    expect(mySide(stateOf('p2', null))).toMatchObject({ alone: true, talks: true, via: null, team: null });
    expect(roleTitles(['defence', 'trade'])).toBe('Defence minister and trade minister');
  });
  it('counts the drafts waiting for me: all of them for a signer, the ones I have not approved in a vote', () => {
    const drafts = [draft('d1', ['p4']), draft('d2', ['p4', 'p2'])];
    expect(awaitingMe(mySide(stateOf('p2', team('head', drafts))), 'p2')).toHaveLength(2);
    expect(awaitingMe(mySide(stateOf('p3', team('head', drafts))), 'p3')).toHaveLength(0);
    expect(awaitingMe(mySide(stateOf('p2', team('vote', drafts))), 'p2').map((d) => d.id)).toEqual(['d1']);
  });
});

describe('a draft in words', () => {
  it('a proposal with its assessment; an acceptance of a proposal; the policy and a call answer are sealed', () => {
    const s = fresh();
    const propose = draftText(s, 'valdor', { action: { type: 'propose', to: ['kestria'], terms: DEFAULT_PARTNERSHIP } }, []);
    expect(propose).toMatchObject({ title: 'Propose a strategic partnership to Kestria', sign: 'Sign: send the proposal', sealed: false });
    expect(propose.card?.rows.length).toBeGreaterThan(2);
    const r = apply(s, { type: 'propose', by: 'kestria', to: ['valdor'], terms: DEFAULT_PARTNERSHIP });
    if (!r.ok) throw new Error(r.error.message);
    const p = r.state.proposals[0]!;
    const accept = draftText(r.state, 'valdor', { action: { type: 'accept', proposal: p.id } }, [{ ...p, assessment: null }]);
    expect(accept.title).toBe('Accept Kestria\u2019s proposal (strategic partnership)');
    expect(accept.card).not.toBeNull();
    const counter = draftText(r.state, 'valdor', { action: { type: 'counter', proposal: p.id, terms: { ...DEFAULT_PARTNERSHIP, minTerm: 6 } } }, [{ ...p, assessment: null }]);
    expect(counter).toMatchObject({ title: 'Counter Kestria\u2019s proposal (strategic partnership)', before: { terms: DEFAULT_PARTNERSHIP } });
    expect(draftText(s, 'valdor', { action: { type: 'policy', defence: 40, demand: 'isolde' } }, [])).toMatchObject({ title: 'Policy: 40% defence, 60% investment, a demand of Isolde', sealed: true });
    expect(draftText(s, 'valdor', { action: { type: 'respond', call: 'k1', answer: 'abstain' } }, [])).toMatchObject({ title: 'Abstain on the call from our ally', sealed: true });
  });
});

describe('the class debrief tables', () => {
  it('one column per match, at most four matches to a table', () => {
    const row = (id: string, alliances: number) => ({ id, turns: 8, alliances, partnerships: 1, honoured: 2, abstained: 1, broken: 0, crisesHeld: 1, crisesLost: 0, scores: { valdor: 50 + alliances, kestria: 40 }, winners: ['valdor'] });
    const c: Comparison = { sameStart: true, nations: [{ id: 'valdor', name: 'Valdor' }, { id: 'kestria', name: 'Kestria' }], matches: ['A', 'B', 'C', 'D', 'E'].map((id, i) => row(id, i)), questions: [] };
    const tables = outcomeTables(c);
    expect(tables.map((t) => t.matches)).toEqual([['A', 'B', 'C', 'D'], ['E']]);
    expect(GROUP).toBe(4);
    expect(tables[0]!.rows.find((r) => r.label === 'Alliances signed')!.values).toEqual([0, 1, 2, 3]);
    expect(tables[1]!.rows.at(-1)).toEqual({ label: 'First place', values: ['Valdor'], numeric: false });
    expect(scoreTables(c)[0]!.rows.map((r) => [r.label, r.values])).toEqual([['Valdor', [50, 51, 52, 53]], ['Kestria', [40, 40, 40, 40]]]);
  });
});
