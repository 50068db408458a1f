import type { GameState } from '../../shared/types.ts';
import type { TeamDecision } from '../../shared/history/index.ts';
import { ROLE_INFO, type Role } from '../../shared/protocol/teams.ts';
import { nameOf } from './model.ts';

// In a match with teams: who drafted and who signed each of this year's decisions so far (and who
// approved it, under a team vote), with their roles.

export const ACTION_WORDS: Record<string, string> = {
  propose: 'a proposal', counter: 'a counter-proposal', accept: 'an acceptance', reject: 'a refusal', withdraw: 'a withdrawal',
  notice: 'an exit notice', break: 'a break', review: 'a review decision', policy: 'the sealed policy', respond: 'an answer to a call',
};

const person = (p: TeamDecision['drafter']): string => {
  if (!p) return 'someone who left';
  const roles = p.roles.filter((r): r is Role => r in ROLE_INFO).map((r) => ROLE_INFO[r].title.toLowerCase());
  return roles.length ? `${p.nickname} (${roles.join(', ')})` : p.nickname;
};

export function TeamDecisions({ s, decisions, published }: { s: GameState; decisions: TeamDecision[]; published: boolean }) {
  return (
    <section aria-labelledby="y-teams">
      <h3 id="y-teams">Who drafted, who signed</h3>
      {decisions.length ? (
        <ul id="replay-signed" class="reasons">
          {decisions.map((d) => (
            <li key={d.index}>
              <strong>{nameOf(s, d.nation)}</strong>, {ACTION_WORDS[d.type] ?? d.type}: drafted by {person(d.drafter)}, signed by {person(d.signer)}
              {d.approvals.length ? `, approved by ${d.approvals.map((p) => p.nickname).join(', ')}` : ''}.
            </li>
          ))}
        </ul>
      ) : <p class="muted">No team decision yet this year{published ? '' : ' that others could see'}.</p>}
    </section>
  );
}
