import { useState } from 'preact/hooks';
import type { TermField } from '../../view/terms.ts';

// One treaty term: its control and its plain line. A number is committed to the draft as it is typed
// (when it is a whole number in range), so the field's `change` on blur changes nothing on screen and
// the button under the pointer stays where it was: the next click or tap always lands.

type Value = string | number | boolean | null;

function NumberTerm({ f, id, onValue }: { f: TermField & { control: { type: 'number' } }; id: string; onValue: (v: Value) => void }) {
  const c = f.control;
  const shown = f.value === null ? '' : String(f.value);
  const [text, setText] = useState<string | null>(null);
  const inRange = (v: number) => Number.isInteger(v) && v >= c.min && v <= c.max;
  const input = (
    <input id={id} type="number" min={c.min} max={c.max} value={text ?? shown} disabled={f.value === null} aria-describedby={`${id}-line`} style="width:5rem"
      onInput={(e) => { const raw = e.currentTarget.value; setText(raw); const v = Number(raw); if (raw !== '' && inRange(v)) onValue(v); }}
      onChange={(e) => { const raw = e.currentTarget.value; setText(null); if (raw !== '' && !inRange(Number(raw))) onValue(Number(raw)); }} />
  );
  if (!c.allowNone) return input;
  return (
    <span class="row">
      {input}
      <label style="font-weight:400"><input id={`${id}-none`} type="checkbox" checked={f.value === null} onChange={(e) => onValue(e.currentTarget.checked ? null : 6)} /> {c.allowNone}</label>
    </span>
  );
}

export function TermEditor({ f, onValue }: { f: TermField; onValue: (v: Value) => void }) {
  const id = `term-${f.key}`;
  let control;
  if (f.control.type === 'select') {
    control = (
      <select id={id} aria-describedby={`${id}-line`} value={String(f.value)} onChange={(e) => onValue(e.currentTarget.value)}>
        {f.control.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    );
  } else if (f.control.type === 'toggle') {
    control = <input id={id} type="checkbox" checked={f.value === true} aria-describedby={`${id}-line`} onChange={(e) => onValue(e.currentTarget.checked)} />;
  } else {
    control = <NumberTerm f={f as TermField & { control: { type: 'number' } }} id={id} onValue={onValue} />;
  }
  return (
    <div class="term">
      <div class="row"><label for={id}>{f.label}</label>{control}</div>
      <p class="line" id={`${id}-line`}>{f.line}</p>
    </div>
  );
}
