import { fileStem } from './name-tokens';

export type Mode = 'major' | 'minor';

/**
 * One spelling per pitch class, so the same key found as `D#m` and `Ebmin` is stored, searched
 * and sorted as one value: sharps for C#/F#, flats for Eb/Ab/Bb, as most pack vendors write them.
 */
const pitchNames = ['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'] as const;
const naturals: Readonly<Record<string, number>> = { c: 0, d: 2, e: 4, f: 5, g: 7, a: 9, b: 11 };

/** Every normalised key in circle order of pitch (C major, C minor, C# major, …): the sort order of keys. */
export const allKeys: readonly string[] = pitchNames.flatMap((pitch) => [`${pitch} major`, `${pitch} minor`]);

const boundary = String.raw`[\s_\-.()[\],]`;
/** Note letter, optional accidental, optional quality: long words may follow a separator, `m`/`M` must touch. */
const keyPattern = String.raw`([A-Ga-g])(#|♯|b|♭)?(?:[\s_-]?(major|minor|maj|min)|(m))?`;
const inName = new RegExp(`(?<=^|${boundary})${keyPattern}(?=$|${boundary})`, 'gi');
const whole = new RegExp(`^\\s*${keyPattern}\\s*$`, 'i');

/**
 * The key a file name states, normalised (`Cmin` → `C minor`, `F#` → `F# major`, `D#m` →
 * `Eb minor`), or null. A bare note letter counts only when upper-case (`bass_C`), since lower-case
 * letters are usually words or take letters; with a quality word (`ebmin`) any case is fine.
 * `m` means minor and `M` major. Candidates with a quality win over bare letters; two different
 * candidates of the winning kind make the name ambiguous and the answer null.
 */
export function filenameKey(name: string): string | null {
  const qualified = new Set<string>();
  const bare = new Set<string>();
  for (const match of fileStem(name).matchAll(inName)) {
    const [, letter = '', accidental, word, shortQuality] = match;
    if (word === undefined && shortQuality === undefined) {
      if (letter === letter.toUpperCase()) bare.add(keyName(letter, accidental, 'major'));
    } else if (word !== undefined || letter === letter.toUpperCase()) {
      qualified.add(keyName(letter, accidental, modeOf(word, shortQuality)));
    }
  }
  const winners = qualified.size > 0 ? qualified : bare;
  return winners.size === 1 ? ([...winners][0] ?? null) : null;
}

/**
 * A key typed by the user (`Am`, `c minor`, `F#`, `Bb maj`) normalised like `filenameKey`, or
 * null when it is not a key. Case is not significant except `M` (major) versus `m` (minor).
 */
export function parseKey(text: string): string | null {
  const match = whole.exec(text);
  if (!match) return null;
  const [, letter = '', accidental, word, shortQuality] = match;
  return keyName(letter, accidental, modeOf(word, shortQuality));
}

/**
 * The keys with the same seven notes as `key`: the key itself and its relative minor or major
 * (E♭ major ↔ C minor). A key search always finds both, since a loop in one fits a song in the other.
 */
export function sameNoteKeys(key: string): [string, string] {
  const { pitch, mode } = splitKey(key);
  return mode === 'minor' ? [key, `${pitchNames[(pitch + 3) % 12]} major`] : [key, `${pitchNames[(pitch + 9) % 12]} minor`];
}

/**
 * What "Compatible" adds to a key search: the keys a fifth up and a fifth down in the same mode,
 * each with its relative (the neighbours on the Camelot wheel: for C minor, G minor and B♭ major,
 * F minor and A♭ major). Each differs from `key`'s notes by one note.
 */
export function neighbourKeys(key: string): string[] {
  const { pitch, mode } = splitKey(key);
  const fifthUp = `${pitchNames[(pitch + 7) % 12]} ${mode}`;
  const fifthDown = `${pitchNames[(pitch + 5) % 12]} ${mode}`;
  return [...sameNoteKeys(fifthUp), ...sameNoteKeys(fifthDown)];
}

/** Keys that mix with `key` without clashing: its own notes (`sameNoteKeys`), then its `neighbourKeys`. */
export function compatibleKeys(key: string): string[] {
  return [...sameNoteKeys(key), ...neighbourKeys(key)];
}

/**
 * The transposition, in whole semitones within −6…+5, that brings material in key `from` into key
 * `to` by the smallest step. A minor key counts as its relative major (same notes), so A minor
 * fits C major as it is and C minor moves to A minor by −3.
 */
export function keyShift(from: string, to: string): number {
  const tonic = (key: string) => {
    const { pitch, mode } = splitKey(key);
    return mode === 'minor' ? (pitch + 3) % 12 : pitch;
  };
  const up = (tonic(to) - tonic(from) + 12) % 12;
  return up > 5 ? up - 12 : up;
}

/** How a key is shown: `Eb minor` → `E♭ minor`, `F# major` → `F♯ major`. */
export function displayKey(key: string): string {
  return key.replace('b ', '♭ ').replace('#', '♯');
}

function splitKey(key: string): { pitch: number; mode: Mode } {
  const index = allKeys.indexOf(key);
  if (index < 0) throw new RangeError(`not a normalised key: "${key}"`);
  return { pitch: Math.floor(index / 2), mode: index % 2 === 0 ? 'major' : 'minor' };
}

function modeOf(word: string | undefined, shortQuality: string | undefined): Mode {
  if (word !== undefined) return word.toLowerCase().startsWith('min') ? 'minor' : 'major';
  return shortQuality === 'm' ? 'minor' : 'major';
}

function keyName(letter: string, accidental: string | undefined, mode: Mode): string {
  const shift = accidental === '#' || accidental === '♯' ? 1 : accidental === undefined ? 0 : -1;
  const pitch = ((naturals[letter.toLowerCase()] ?? 0) + shift + 12) % 12;
  return `${pitchNames[pitch]} ${mode}`;
}
