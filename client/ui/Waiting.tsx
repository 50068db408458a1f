import { useMatch } from './match.ts';

// A late joiner's screen until the teacher lets them in (the `seat` message then brings a nation).

export function Waiting({ onLeave }: { onLeave: () => void }) {
  const { st, scenario } = useMatch();
  return (
    <div class="home stack waiting">
      <h1>Waiting for your teacher to let you in</h1>
      <p role="status">The match {st.meta?.code} ({scenario.title}) has already started. Your teacher will give you a nation in a moment: keep this page open.</p>
      <p class="muted">You joined as <strong>{st.nickname}</strong>.</p>
      <div class="row"><button class="btn" type="button" onClick={onLeave}>Leave</button></div>
    </div>
  );
}
