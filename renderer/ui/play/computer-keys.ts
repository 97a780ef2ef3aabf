/**
 * The computer keyboard as a piano, laid out as Ableton Live's: the home row plays the white
 * keys from A (C) to ' (the F above the next C), the row above the black keys; Z and X move an
 * octave down and up, C and V the velocity down and up by 20. Keys are physical positions
 * (`KeyboardEvent.code`), so the layout is the same on QWERTY, AZERTY or Dvorak.
 */

/** Semitones above the octave's C, by physical key. */
export const pianoKeys: Readonly<Record<string, number>> = {
  KeyA: 0, KeyW: 1, KeyS: 2, KeyE: 3, KeyD: 4, KeyF: 5, KeyT: 6, KeyG: 7, KeyY: 8, KeyH: 9, KeyU: 10, KeyJ: 11,
  KeyK: 12, KeyO: 13, KeyL: 14, KeyP: 15, Semicolon: 16, Quote: 17,
};

/** The printed key for each physical key, for the on-screen strip. */
export const pianoKeyLabels: Readonly<Record<string, string>> = {
  KeyA: 'A', KeyW: 'W', KeyS: 'S', KeyE: 'E', KeyD: 'D', KeyF: 'F', KeyT: 'T', KeyG: 'G', KeyY: 'Y', KeyH: 'H', KeyU: 'U', KeyJ: 'J',
  KeyK: 'K', KeyO: 'O', KeyL: 'L', KeyP: 'P', Semicolon: ';', Quote: "'",
};

/** The lowest and highest C the home row can start on (keys above MIDI 127 then play nothing). */
export const lowestBase = 0;
export const highestBase = 120;
export const defaultBase = 60;
export const defaultVelocity = 100;
/** Ableton's velocity steps: 1, 20, 40, … 120, 127. */
const velocitySteps = [1, 20, 40, 60, 80, 100, 120, 127];

export type KeyAction =
  | { readonly kind: 'note-on'; readonly pitch: number; readonly velocity: number }
  | { readonly kind: 'note-off'; readonly pitch: number }
  | { readonly kind: 'octave'; readonly base: number }
  | { readonly kind: 'velocity'; readonly velocity: number };

/**
 * What each key press and release does. A key released after an octave change stops the pitch it
 * started, never the one it would start now, so no note is left hanging.
 */
export class ComputerKeyboard {
  base = defaultBase;
  velocity = defaultVelocity;
  private readonly held = new Map<string, number>();

  /** The action of a key press, or null when the key is not the piano's (or is a repeat). */
  press(code: string, repeat: boolean): KeyAction | null {
    const offset = pianoKeys[code];
    if (offset !== undefined) {
      if (repeat || this.held.has(code)) return null;
      const pitch = this.base + offset;
      if (pitch > 127) return null;
      this.held.set(code, pitch);
      return { kind: 'note-on', pitch, velocity: this.velocity / 127 };
    }
    if (code === 'KeyZ' || code === 'KeyX') {
      this.base = Math.min(highestBase, Math.max(lowestBase, this.base + (code === 'KeyZ' ? -12 : 12)));
      return { kind: 'octave', base: this.base };
    }
    if (code === 'KeyC' || code === 'KeyV') {
      const index = velocitySteps.findIndex((step) => step >= this.velocity);
      const next = code === 'KeyC' ? Math.max(0, index - 1) : Math.min(velocitySteps.length - 1, velocitySteps[index] === this.velocity ? index + 1 : index);
      this.velocity = velocitySteps[next]!;
      return { kind: 'velocity', velocity: this.velocity };
    }
    return null;
  }

  release(code: string): KeyAction | null {
    const pitch = this.held.get(code);
    if (pitch === undefined) return null;
    this.held.delete(code);
    return { kind: 'note-off', pitch };
  }

  /** Forgets every held key (the window lost focus: its key-ups will never come); returns their pitches. */
  releaseAll(): number[] {
    const pitches = [...this.held.values()];
    this.held.clear();
    return pitches;
  }

  /** Whether a physical key belongs to the piano (notes, octave or velocity). */
  static owns(code: string): boolean {
    return code in pianoKeys || ['KeyZ', 'KeyX', 'KeyC', 'KeyV'].includes(code);
  }
}
