import { clipAfterSongEnd, shortClipNote } from '../../../src/protocol/short-clip';
import type { Seconds } from '../../../src/std/units';

/** Where a short clip starts (a bar number, 1 = the song's start, fractions allowed) and its fades in milliseconds. */
export interface ShortClipShape {
  readonly startBar: number;
  readonly fadeInMs: number;
  readonly fadeOutMs: number;
}

/**
 * The fields of a 15/30/60 s clip: where it starts and how it fades in and out; and, when the song
 * has less than `seconds` left from that start (`left`), the note saying the clip is shortened
 * (or, with nothing left, that it cannot start there) before the export runs.
 */
export function ShortClipFields({ shape, seconds, left, onChange, disabled }: { shape: ShortClipShape; seconds: number; left: Seconds; onChange: (shape: ShortClipShape) => void; disabled: boolean }) {
  const number = (value: string, fallback: number) => (Number.isFinite(Number(value)) && value !== '' ? Number(value) : fallback);
  const note = left <= 0 ? clipAfterSongEnd : left < seconds ? shortClipNote(seconds, left) : null;
  return (
    <>
      <div className="export-field-row">
        <label>
          Starts at bar
          <input
            type="number"
            aria-label="Clip starts at bar"
            aria-describedby={note ? 'short-clip-note' : undefined}
            step="0.25"
            min={1}
            value={shape.startBar}
            disabled={disabled}
            onChange={(e) => onChange({ ...shape, startBar: Math.max(1, number(e.target.value, 1)) })}
          />
        </label>
        <label>
          Fade in (ms)
          <input type="number" aria-label="Clip fade in (ms)" step="10" min={0} max={5000} value={shape.fadeInMs} disabled={disabled} onChange={(e) => onChange({ ...shape, fadeInMs: Math.max(0, number(e.target.value, 0)) })} />
        </label>
        <label>
          Fade out (ms)
          <input type="number" aria-label="Clip fade out (ms)" step="100" min={0} max={10000} value={shape.fadeOutMs} disabled={disabled} onChange={(e) => onChange({ ...shape, fadeOutMs: Math.max(0, number(e.target.value, 0)) })} />
        </label>
      </div>
      {note && (
        <p id="short-clip-note" className="short-clip-note warning" role="note">
          {note}
        </p>
      )}
    </>
  );
}
