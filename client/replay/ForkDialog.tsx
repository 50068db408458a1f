import { useEffect, useRef, useState } from 'preact/hooks';
import type { CreateOptions } from '../../shared/protocol/messages.ts';
import type { MatchFile } from '../../shared/types.ts';

// "What if…?": a new live match from the start of a year of this one, hosted by this browser.

export function ForkDialog({ id, file, turn, host, onClose }: { id: string; file: MatchFile; turn: number; host(o: CreateOptions): Promise<void>; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('Teacher');
  const [turns, setTurns] = useState(String(Math.max(turn, file.settings.turns)));
  const [plays, setPlays] = useState(false);
  const [publish, setPublish] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    dialog.current?.showModal();
    nameRef.current?.select();
  }, []);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError('');
    setBusy(true);
    try {
      await host({
        scenario: file.scenario, seats: file.players.length,
        turns: Math.max(turn, Math.min(60, Math.round(Number(turns) || file.settings.turns))),
        hostName: name.trim() || 'Teacher', hostPlays: plays, publishNegotiations: publish, fork: { match: id, turn },
      });
    } catch (x) {
      setError(`The fork could not be created: ${(x as Error).message}`);
      setBusy(false);
    }
  };
  return (
    <dialog ref={dialog} class="card fork-dialog" aria-labelledby="fork-title" onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <form class="stack" method="dialog" onSubmit={submit}>
        <h2 id="fork-title">What if{'\u2026'}? Fork from year {turn}</h2>
        <p>A new live match starts at the beginning of year {turn} of this one, with the same nations, treaties and history up to there, and a new room code. Students join with that code and play on; bots play every nation no one takes.</p>
        <div class="field"><label for="fork-name">Your name (host)</label><input ref={nameRef} id="fork-name" type="text" maxLength={16} required autocomplete="nickname" value={name} onInput={(e) => setName(e.currentTarget.value)} /></div>
        <div class="field"><label for="fork-turns">Last year of the new match (at least {turn})</label><input id="fork-turns" type="number" min={turn} max={60} value={turns} onInput={(e) => setTurns(e.currentTarget.value)} /></div>
        <div><input id="fork-plays" type="checkbox" checked={plays} onChange={(e) => setPlays(e.currentTarget.checked)} /> <label for="fork-plays">I play a nation too</label></div>
        <div><input id="fork-publish" type="checkbox" checked={publish} onChange={(e) => setPublish(e.currentTarget.checked)} /> <label for="fork-publish">Publish the negotiations in the archive afterwards</label></div>
        <p class="error" role="alert" id="fork-error">{error}</p>
        <div class="row">
          <button class="btn primary" type="submit" id="fork-submit" disabled={busy}>{busy ? 'Creating\u2026' : 'Create the fork'}</button>
          <button class="btn" type="button" onClick={onClose}>Cancel</button>
        </div>
      </form>
    </dialog>
  );
}
