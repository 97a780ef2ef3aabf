import { pitchName } from '../../../src/model/beats/scales';
import { pitchRows, topPitch, type RollView } from './piano-roll-geometry';

const blackKeys = new Set([1, 3, 6, 8, 10]);

export function isBlackKey(pitch: number): boolean {
  return blackKeys.has(pitch % 12);
}

/** The keyboard at the piano roll's left: a key per row, C's named; a press auditions the key. */
export function PianoKeys({ view, audition }: { view: RollView; audition: (pitch: number) => void }) {
  return (
    <div className="roll-keys" style={{ height: pitchRows * view.rowPx }} aria-label="Keyboard">
      {Array.from({ length: pitchRows }, (_, row) => {
        const pitch = topPitch - row;
        return (
          <div
            key={pitch}
            className={`roll-key${isBlackKey(pitch) ? ' black' : ''}`}
            style={{ height: view.rowPx }}
            title={pitchName(pitch)}
            onPointerDown={(event) => {
              if (event.button === 0) audition(pitch);
            }}
          >
            {pitch % 12 === 0 && view.rowPx >= 10 ? pitchName(pitch) : ''}
          </div>
        );
      })}
    </div>
  );
}
