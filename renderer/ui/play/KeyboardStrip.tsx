import { pianoKeyLabels, pianoKeys } from './computer-keys';

const blackInOctave = new Set([1, 3, 6, 8, 10]);
const names = ['C', 'C♯', 'D', 'D♯', 'E', 'F', 'F♯', 'G', 'G♯', 'A', 'A♯', 'B'];
/** The computer key that plays each semitone above the base C. */
const labelAt = new Map(Object.entries(pianoKeys).map(([code, offset]) => [offset, pianoKeyLabels[code]!]));

export function noteName(pitch: number): string {
  return `${names[pitch % 12]}${Math.floor(pitch / 12) - 1}`;
}

/**
 * Two octaves of keys from the computer keyboard's base C: each shows the key that plays it,
 * lights while it sounds, and plays on pointer down (so it works with a mouse or a touch screen).
 */
export function KeyboardStrip(props: {
  readonly base: number;
  readonly sounding: readonly number[];
  readonly onPress: (pitch: number) => void;
  readonly onRelease: (pitch: number) => void;
}) {
  const pitches = Array.from({ length: 24 }, (_, i) => props.base + i).filter((pitch) => pitch <= 127);
  return (
    <div className="keyboard-strip" role="group" aria-label={`Keyboard from ${noteName(props.base)}`}>
      {pitches.map((pitch) => {
        const black = blackInOctave.has(pitch % 12);
        const sounding = props.sounding.includes(pitch);
        return (
          <button
            key={pitch}
            type="button"
            tabIndex={-1}
            className={`piano-key ${black ? 'is-black' : 'is-white'}${sounding ? ' is-sounding' : ''}`}
            aria-label={noteName(pitch)}
            aria-pressed={sounding}
            onPointerDown={(event) => {
              event.currentTarget.setPointerCapture(event.pointerId);
              props.onPress(pitch);
            }}
            onPointerUp={() => props.onRelease(pitch)}
            onPointerCancel={() => props.onRelease(pitch)}
          >
            <span className="piano-key-label">{labelAt.get(pitch - props.base) ?? ''}</span>
          </button>
        );
      })}
    </div>
  );
}
