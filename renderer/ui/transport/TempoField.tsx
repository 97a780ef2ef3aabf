import { useEffect, useRef, useState } from 'react';
import { maxTempo, minTempo, useProject } from '../../state/project-store';

/**
 * Tempo in BPM: type a value, or use the arrow keys (shift for ±10). A typed tempo outside the
 * range is clamped to it, and a note beside the field says so until the tempo changes again.
 */
export function TempoField() {
  const tempo = useProject((s) => s.project.tempo);
  const setTempo = useProject((s) => s.setTempo);
  const [draft, setDraft] = useState(String(tempo));
  const field = useRef<HTMLInputElement>(null);
  const [clamp, setClamp] = useState<{ readonly typed: string; readonly tempo: number; readonly top: number; readonly left: number } | null>(null);
  useEffect(() => setDraft(String(tempo)), [tempo]);
  const commit = () => {
    const value = Number(draft);
    if (draft.trim() === '' || !Number.isFinite(value)) setDraft(String(tempo));
    else {
      setTempo(value);
      const applied = useProject.getState().project.tempo;
      // Placed from the field's box: the top bar clips whatever overflows it, so the note is fixed.
      const box = field.current?.getBoundingClientRect();
      setClamp(value < minTempo || value > maxTempo ? { typed: draft.trim(), tempo: applied, top: (box?.bottom ?? 0) + 4, left: box?.left ?? 0 } : null);
    }
  };
  return (
    <label className="tempo">
      <input
        ref={field}
        type="text"
        inputMode="decimal"
        role="spinbutton"
        aria-label="Tempo"
        aria-valuemin={minTempo}
        aria-valuemax={maxTempo}
        aria-valuenow={tempo}
        aria-valuetext={`${tempo} BPM`}
        aria-describedby={clamp?.tempo === tempo ? 'tempo-clamp-note' : undefined}
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
      {clamp?.tempo === tempo && (
        <span id="tempo-clamp-note" className="tempo-clamp-note" role="status" style={{ top: clamp.top, left: clamp.left }}>
          Tempo goes from {minTempo} to {maxTempo} BPM: {clamp.typed} → {tempo}.
        </span>
      )}
    </label>
  );
}
