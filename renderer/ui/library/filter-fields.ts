import { displayKey, neighbourKeys, parseKey, sameNoteKeys } from '../../../src/analysis/musical-key';
import { searchBpmRange } from '../../../src/protocol/ipc';

/** A line under a filter field: what it searches, or why it was changed or not used. */
export interface FieldNote {
  readonly text: string;
  /** The value was clamped or cannot be read: shown as a warning. */
  readonly warn: boolean;
}

/** What the tempo field asks for; `max` undefined means "and faster" (`90-`). */
export type TempoFilter =
  | { readonly kind: 'none' }
  | { readonly kind: 'range'; readonly min: number; readonly max: number | undefined; readonly note: FieldNote | null }
  | { readonly kind: 'invalid'; readonly note: FieldNote };

const tempoPattern = /^\s*(\d+(?:\.\d+)?)\s*(?:([-–])\s*(\d+(?:\.\d+)?)?)?\s*$/;

/**
 * Reads the tempo field as the user types: `120`, `90-100`, `90-` (90 and faster). Values outside
 * the searchable tempos are clamped to them, and the note says so.
 */
export function readTempoFilter(text: string): TempoFilter {
  if (!text.trim()) return { kind: 'none' };
  const match = tempoPattern.exec(text);
  if (!match) return { kind: 'invalid', note: { text: 'Type a tempo like 120, 90-100 or 90-; the tempo filter is off until then.', warn: true } };
  const clamped: string[] = [];
  const clamp = (typed: string) => {
    const value = Number(typed);
    const limited = Math.min(searchBpmRange.max, Math.max(searchBpmRange.min, value));
    if (limited !== value) clamped.push(`${typed} → ${limited}`);
    return limited;
  };
  const low = clamp(match[1] ?? '');
  const high = match[3] !== undefined ? clamp(match[3]) : match[2] ? undefined : low;
  const note = clamped.length > 0 ? { text: `Tempos go from ${searchBpmRange.min} to ${searchBpmRange.max} BPM: searching ${clamped.join(', ')}.`, warn: true } : null;
  if (high === undefined) return { kind: 'range', min: low, max: undefined, note };
  return { kind: 'range', min: Math.min(low, high), max: Math.max(low, high), note };
}

/** What the key field asks for: a normalised key (`C minor`) and a note naming every key searched. */
export type KeyFilter =
  | { readonly kind: 'none' }
  | { readonly kind: 'key'; readonly key: string; readonly note: FieldNote }
  | { readonly kind: 'invalid'; readonly note: FieldNote };

/** Reads the key field as the user types (`Am`, `E♭`, `F# minor`); the note lists the keys the search finds. */
export function readKeyFilter(text: string, compatible: boolean): KeyFilter {
  if (!text.trim()) return { kind: 'none' };
  const key = parseKey(text);
  if (!key) return { kind: 'invalid', note: { text: 'Type a key like Am, C minor or F♯; the key filter is off until then.', warn: true } };
  const [own, relative] = sameNoteKeys(key).map(displayKey);
  const base = `${own} and its relative ${relative} (the same notes)`;
  const found = compatible ? `${base}, plus ${listOf(neighbourKeys(key).map(displayKey))}` : base;
  return { kind: 'key', key, note: { text: `Finds ${found}.`, warn: false } };
}

/** The "Compatible" chip's tooltip: exactly what it adds to the key search. */
export function compatibleTitle(keyText: string): string {
  const key = parseKey(keyText);
  const what = 'the keys a fifth up and a fifth down, each with its relative (the Camelot neighbours; each differs by one note)';
  return key ? `Also finds ${listOf(neighbourKeys(key).map(displayKey))}: ${what}.` : `Also finds ${what}.`;
}

function listOf(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');
}
