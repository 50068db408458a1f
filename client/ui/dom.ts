// A few DOM helpers: build elements declaratively, and re-render a panel without losing keyboard focus.

/** Attribute values; `on<event>` keys take a handler for that event (any Event subtype). */
type Handler = (e: never) => void;
type Attrs = Record<string, string | number | boolean | null | undefined | Handler>;
export type Child = Node | string | number | null | undefined | false | Child[];

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') {
      el.addEventListener(k.slice(2).toLowerCase(), v as unknown as EventListener);
    } else if (k === 'class') {
      el.className = String(v);
    } else if (k === 'value' && 'value' in el) {
      (el as HTMLInputElement).value = String(v);
    } else if (k === 'checked' && 'checked' in el) {
      (el as HTMLInputElement).checked = !!v;
    } else if (v === true) {
      el.setAttribute(k, '');
    } else {
      el.setAttribute(k, String(v));
    }
  }
  append(el, children);
  return el;
}

export function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replace a container's content, keeping focus (by id) and a text field's caret where they were. */
export function render(container: HTMLElement, ...children: Child[]): void {
  const active = document.activeElement as HTMLElement | null;
  const id = active && container.contains(active) ? active.id : '';
  let sel: [number | null, number | null] | null = null;
  if (id && (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement)) {
    try { sel = [active.selectionStart, active.selectionEnd]; } catch { sel = null; }
  }
  const scroll = container.scrollTop;
  container.replaceChildren();
  append(container, children);
  container.scrollTop = scroll;
  if (id) {
    const again = document.getElementById(id);
    if (again) {
      again.focus({ preventScroll: true });
      if (sel && (again instanceof HTMLInputElement || again instanceof HTMLTextAreaElement)) {
        try { again.setSelectionRange(sel[0], sel[1]); } catch { /* not a text input */ }
      }
    }
  }
}

let uid = 0;
export const nextId = (prefix: string): string => `${prefix}-${++uid}`;

/** Announce a line to screen readers through the page's polite live region. */
export function announce(text: string): void {
  const region = document.getElementById('live');
  if (!region) return;
  const p = document.createElement('p');
  p.textContent = text;
  region.appendChild(p);
  while (region.childNodes.length > 5) region.removeChild(region.firstChild!);
}
