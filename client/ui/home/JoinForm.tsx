import { useRef, useState } from 'preact/hooks';
import { suggestName, nicknameProblem, normaliseCode } from '../../view/names.ts';
import { announce } from '../live.ts';
import { useDeps } from '../match.ts';

// "Join a match": the room code (filled in from a join link) and a nickname. `notice` is why the last
// match ended for this browser (removed, match over...), shown where join errors go.

export function JoinForm({ code: initialCode, notice }: { code: string; notice: string | null }) {
  const { conn } = useDeps();
  const [code, setCode] = useState(initialCode);
  const [nick, setNick] = useState('');
  const [error, setError] = useState(notice ?? '');
  const [busy, setBusy] = useState(false);
  const nickRef = useRef<HTMLInputElement>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    const c = normaliseCode(code);
    const problem = c.length < 4 ? 'Type the room code shown on the teacher\u2019s screen.' : nicknameProblem(nick);
    if (problem) { setError(problem); return; }
    setError('');
    setBusy(true);
    try {
      await conn.join(c, nick.trim());
    } catch (err) {
      setError((err as Error).message);
      announce((err as Error).message);
      setBusy(false);
    }
  };

  return (
    <form class="card stack" aria-labelledby="join-title" onSubmit={submit}>
      <h2 id="join-title">Join a match</h2>
      <div class="field">
        <label for="join-code">Room code</label>
        <input id="join-code" type="text" name="code" autocomplete="off" maxLength={8} required aria-describedby="join-error"
          style="text-transform:uppercase;letter-spacing:.1em" value={code} onInput={(e) => setCode(e.currentTarget.value)} autoFocus={!initialCode} />
      </div>
      <div class="field">
        <label for="join-nick">Your nickname</label>
        <div class="row">
          <input ref={nickRef} id="join-nick" type="text" name="nickname" autocomplete="nickname" maxLength={16} required aria-describedby="join-error"
            value={nick} onInput={(e) => setNick(e.currentTarget.value)} autoFocus={!!initialCode} />
          <button class="btn" type="button" onClick={() => { setNick(suggestName()); nickRef.current?.focus(); }}>Suggest a name</button>
        </div>
      </div>
      <p id="join-error" class="error" role="alert">{error}</p>
      <button class="btn primary" type="submit" disabled={busy}>{busy ? 'Joining\u2026' : 'Join'}</button>
    </form>
  );
}
