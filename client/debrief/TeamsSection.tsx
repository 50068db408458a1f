import type { ChatLine } from '../../shared/protocol/messages.ts';
import { ROLE_INFO, type Role } from '../../shared/protocol/teams.ts';
import type { TeamDecision } from '../../shared/history/index.ts';
import { ACTION_WORDS } from '../replay/TeamDecisions.tsx';
import type { DebriefView } from './model.ts';

// Each team's deliberation, for a match with teams: the role each student played, how many of the
// nation's actions they drafted and signed, how the team decided (drafter and signer of each decision),
// and the team's own chat, only if the host published the negotiations.

const roles = (r: string[]): string => r.filter((x): x is Role => x in ROLE_INFO).map((x) => ROLE_INFO[x].title).join(', ') || '\u2013';
const who = (p: TeamDecision['drafter']): string => p?.nickname ?? 'someone who left';

export function TeamsSection({ v, chat, published }: { v: DebriefView; chat: ChatLine[]; published: boolean }) {
  if (!v.teams.length) return null;
  return (
    <section class="card" aria-labelledby="tm-title">
      <h2 id="tm-title">Teams: who did what</h2>
      <p class="muted">Each nation was a team. Any member drafted; the head of government signed (or the team voted). {published ? '' : 'The host kept negotiations private: only decisions others could see are listed, and team chat stays private.'}</p>
      <div class="teams">
        {v.teams.map((t) => {
          const n = v.nations.find((x) => x.id === t.nation);
          const shown = t.decisions.filter((d) => published || d.public);
          const lines = chat.filter((l) => l.to === 'team' && l.from === t.nation);
          const id = `tm-${t.nation}`;
          return (
            <article key={t.nation} class="team" aria-labelledby={id}>
              <h3 id={id}><span class="dot" style={`background:${n?.color ?? '#888'}`} /> {n?.name ?? t.nation}</h3>
              <ul class="team-members" aria-label={`The ${n?.name ?? t.nation} team`}>
                {t.members.map((m) => (
                  <li key={m.person.id}><strong>{m.person.nickname}</strong>, {roles(m.person.roles)}: drafted {m.drafted}, signed {m.signed}</li>
                ))}
              </ul>
              {shown.length ? (
                <>
                  <h4>How they decided</h4>
                  <ul class="decisions">{shown.map((d) => <li key={d.index}>Year {d.turn}, {ACTION_WORDS[d.type] ?? d.type}: drafted by {who(d.drafter)}, signed by {who(d.signer)}{d.approvals.length ? ` (approved by ${d.approvals.map((p) => p.nickname).join(', ')})` : ''}.</li>)}</ul>
                </>
              ) : null}
              {published ? (
                <>
                  <h4>Team chat</h4>
                  {lines.length ? <ul class="chatlog team-chat">{lines.map((l) => <li key={l.id}><strong>{l.fromName}</strong> (year {l.turn}): {l.text}</li>)}</ul> : <p class="muted">No team chat.</p>}
                </>
              ) : null}
            </article>
          );
        })}
      </div>
    </section>
  );
}
