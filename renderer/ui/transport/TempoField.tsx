import { useEffect, useState } from 'react';
import { maxTempo, minTempo, useProject } from '../../state/project-store';

/** Tempo in BPM: type a value, or use the arrow keys (shift for ±10). */
export function TempoField() {
  const tempo = useProject((s) => s.project.tempo);
  const setTempo = useProject((s) => s.setTempo);
  const [draft, setDraft] = useState(String(tempo));
  useEffect(() => setDraft(String(tempo)), [tempo]);
  const commit = () => {
    const value = Number(draft);
    if (draft.trim() === '' || !Number.isFinite(value)) setDraft(String(tempo));
    else setTempo(value);
  };
  return (
    <label className="tempo">
      <input
        type="text"
        inputMode="decimal"
        role="spinbutton"
        aria-label="Tempo"
        aria-valuemin={minTempo}
        aria-valuemax={maxTempo}
        aria-valuenow={tempo}
        aria-valuetext={`${tempo} BPM`}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            commit();
            event.currentTarget.blur();
          } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
            event.preventDefault();
            setTempo(tempo + (event.key === 'ArrowUp' ? 1 : -1) * (event.shiftKey ? 10 : 1));
          }
        }}
      />
      <span aria-hidden="true">BPM</span>
    </label>
  );
}
