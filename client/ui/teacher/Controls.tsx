import { useMatch } from '../match.ts';
import { ProjectorButton } from './ProjectorButton.tsx';

// Pacing the match: pause, time, next phase, chat, newcomers, the projector, the end.

export function Controls() {
  const { st, rules: s, conn } = useMatch();
  const meta = st.meta!;
  const send = conn.send.bind(conn);
  return (
    <>
      <div class="row" role="group" aria-label="Match controls">
        {meta.paused
          ? <button class="btn primary" type="button" onClick={() => send('resume', {})}>Resume</button>
          : <button class="btn" type="button" onClick={() => send('pause', {})}>Pause</button>}
        <button class="btn" type="button" onClick={() => send('extend', { seconds: 60 })}>+1 minute</button>
        <button class="btn" type="button" onClick={() => send('extend', { seconds: -30 })}>{'\u2212'}30 seconds</button>
        <button class="btn primary" type="button" onClick={() => s && send('advance', { phase: s.phase })}>Next phase now</button>
        <button class="btn" type="button" aria-pressed={meta.chatFrozen ? 'true' : 'false'} onClick={() => send('freezeChat', { frozen: !meta.chatFrozen })}>{meta.chatFrozen ? 'Unfreeze chat' : 'Freeze chat'}</button>
        <button class="btn" type="button" aria-pressed={meta.locked ? 'true' : 'false'} onClick={() => send('lock', { locked: !meta.locked })}>{meta.locked ? 'Let newcomers in' : 'Close to newcomers'}</button>
        <button class="btn danger" type="button" onClick={() => { if (confirm('End the match now for everyone?')) send('endMatch', {}); }}>End the match</button>
      </div>
      <div style="margin-top:.5rem"><ProjectorButton /></div>
    </>
  );
}
