import { useMatch } from '../match.ts';

// Opens the projector page (/projector/<code>#key=…) in a new window: the key travels in the fragment,
// so it never reaches a server log. Disabled, with the reason, until the server sent the key.

export function projectorUrl(code: string, key: string): string {
  return `${location.origin}/projector/${encodeURIComponent(code)}#key=${encodeURIComponent(key)}`;
}

export function ProjectorButton() {
  const { st } = useMatch();
  const key = st.projectorKey;
  const code = st.meta?.code ?? '';
  return (
    <span class="row">
      <button class="btn" type="button" disabled={!key} aria-describedby="projector-why"
        onClick={() => { if (key) window.open(projectorUrl(code, key), `entente-projector-${code}`, 'noopener'); }}>
        Open the projector view (new window)
      </button>
      <span id="projector-why" class="muted">{key ? 'For the classroom screen: no private data.' : 'The server has not sent the projector key yet.'}</span>
    </span>
  );
}
