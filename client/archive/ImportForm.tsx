import { useRef, useState } from 'preact/hooks';
import { importMatch, replayUrl } from './api.ts';
import { announce } from '../ui/live.ts';

// Upload a match file: checked by replaying every action on the server; nothing is kept if it fails.

export function ImportForm({ onImported }: { onImported: () => void }) {
  const file = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError('');
    setDone(null);
    const f = file.current?.files?.[0];
    if (!f) { setError('Choose a match file (.json) first.'); file.current?.focus(); return; }
    setBusy(true);
    try {
      const id = await importMatch(await f.text());
      setDone(id);
      announce(`Imported as match ${id}.`);
      if (file.current) file.current.value = '';
      onImported();
    } catch (err) {
      setError(`Not imported: ${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card stack" aria-labelledby="import-title" onSubmit={submit}>
      <h2 id="import-title">Import a match file</h2>
      <p id="import-help" class="muted">A match file (.json) downloaded from an Entente archive or made by the simulator. It is checked by replaying every action; nothing is kept if it does not replay.</p>
      <div class="field"><label for="import-file">Match file</label><input ref={file} id="import-file" type="file" accept=".json,application/json" aria-describedby="import-help import-error" /></div>
      <p id="import-error" class="error" role="alert">{error}</p>
      <button class="btn primary" type="submit" id="import-submit" disabled={busy}>{busy ? 'Importing\u2026' : 'Import the match'}</button>
      <p id="import-status" role="status">{done ? <>Imported as match <strong>{done}</strong>. <a href={replayUrl(done)} id="import-open">Open the replay of {done}</a></> : null}</p>
    </form>
  );
}
