import type { Role } from '../../shared/protocol/teams.ts';
import { useMatch } from '../ui/match.ts';
import { mySide, roleTitles } from '../view/team.ts';

// My role in one line at the top of the panels, on every member's screen: what it lets me do, and who
// makes the nation act. The "Team" tab has each role's full description (shared/protocol/teams.ts).

/** What each role does, short enough for one line beside the others'. */
const MAY: Record<Role, string> = {
  head: 'sign for the nation',
  foreign: 'draft proposals and counters, and talk to other nations',
  defence: 'draft the defence share and the answers to calls',
  trade: 'draft the investment side and advise on partnerships',
};

export function signingLine(signing: string, head: string | undefined, needed: number, size: number): string {
  if (signing === 'any') return 'Any member of your team may sign for the nation.';
  if (signing === 'vote') return `A draft becomes the nation\u2019s once ${needed} of the ${size} of you approve it.`;
  return head ? `${head}, your head of government, signs for the nation.` : 'Your head of government signs for the nation.';
}

export function RoleStrip() {
  const { st } = useMatch();
  const side = mySide(st);
  const team = side.team;
  if (!team || !side.roles.length) return null;
  const head = team.members.find((m) => m.roles.includes('head'));
  const mine = side.roles.includes('head') && team.signing === 'head';
  // "a foreign minister" when a team of five has two of them, "the" otherwise.
  const shared = team.members.filter((m) => m.roles.join() === side.roles.join()).length > 1;
  return (
    <p class="role-strip" id="role-strip">
      <strong>You are {shared ? 'a ' : 'the '}{roleTitles(side.roles).replace(/^./, (c) => c.toLowerCase())}.</strong>{' '}
      You {side.roles.map((r) => MAY[r]).join('; ')}.{' '}
      {mine ? '' : signingLine(team.signing, head?.nickname, team.needed, team.members.length)}
    </p>
  );
}
