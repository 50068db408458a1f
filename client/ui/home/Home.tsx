import { normaliseCode } from '../../view/names.ts';
import { JoinForm } from './JoinForm.tsx';
import { HostForm } from './HostForm.tsx';

// Home: "Join a match" and "Host a match". A join link (?code=ABC234) fills in the code.

export function Home({ notice }: { notice: string | null }) {
  const code = normaliseCode(new URLSearchParams(location.search).get('code') ?? '');
  return (
    <div class="home">
      <header>
        <h1>Entente</h1>
        <p>A diplomacy game for the classroom. Each of you leads a nation. Every deal is either a <strong>defensive alliance</strong> (help when attacked, dormant until a crisis) or a <strong>strategic partnership</strong> (trade and technology that grow every year).</p>
        <p><a href="/matches" id="home-archive">Past matches: the archive, replays and "what if" forks</a></p>
        <p><a href="/glossary" id="home-glossary">Glossary: every idea in the game in plain words</a></p>
      </header>
      <div class="forms">
        <JoinForm code={code} notice={notice} />
        <HostForm />
      </div>
    </div>
  );
}
