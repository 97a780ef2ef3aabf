/**
 * A track's note clips as a list of note events on exact timeline frames, built when the clips or
 * the tempo map change (allocation is fine there) and read block by block without allocating.
 * Follows docs/project-format.md "Notes": loops from `offset`, swing at playback, probability by a
 * deterministic hash of (clip id, note index, pass), ratchets, and every note released by its
 * clip's end at the latest. At one frame, offs come before ons.
 */
import { swungStart } from '../../devices/instruments/note-grid';
import type { EngineNoteClip } from '../../protocol/engine-instruments';
import type { Clock } from '../../std/clock';
import { beats, hertz } from '../../std/units';
import { noteEventKind, type NoteEvents } from './instrument-processor';

interface Pending {
  readonly frame: number;
  readonly kind: number;
  readonly pitch: number;
  readonly velocity: number;
  readonly order: number;
}

/** A number in [0, 1) from (clip id, note index, pass): the same on every host and every run. */
export function noteChance(clipId: string, noteIndex: number, pass: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < clipId.length; i++) hash = Math.imul(hash ^ clipId.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ noteIndex, 0x01000193);
  hash = Math.imul(hash ^ pass, 0x01000193);
  // A final avalanche (murmur3's) so neighbouring indices and passes land far apart.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 4294967296;
}

export class NoteSchedule {
  static readonly empty = new NoteSchedule([], 0);

  readonly count: number;
  /** Timeline frames (a 6-hour song at 96 kHz stays below 2³¹). */
  readonly frame: Int32Array;
  readonly kind: Uint8Array;
  readonly pitch: Uint8Array;
  readonly velocity: Float32Array;
  /** The next event to hand out. */
  private cursor = 0;

  private constructor(
    events: readonly Pending[],
    /** The frame just after the last note clip ends (0 without clips). */
    readonly endFrame: number,
  ) {
    this.count = events.length;
    this.frame = Int32Array.from(events, (event) => event.frame);
    this.kind = Uint8Array.from(events, (event) => event.kind);
    this.pitch = Uint8Array.from(events, (event) => event.pitch);
    this.velocity = Float32Array.from(events, (event) => event.velocity);
  }

  /** The events of `clips` at `sampleRate` on `clock`'s timeline. */
  static build(clips: readonly EngineNoteClip[], clock: Clock, sampleRate: number): NoteSchedule {
    const rate = hertz(sampleRate);
    const frameOf = (beat: number) => clock.frameAt(beats(beat), rate) as number;
    const events: Pending[] = [];
    let endFrame = 0;
    for (const clip of clips) {
      const clipEnd = clip.start + clip.length;
      endFrame = Math.max(endFrame, frameOf(clipEnd));
      if (clip.mute || !(clip.patternLength > 0)) continue;
      const passes = clip.loop ? Math.ceil((clip.offset + clip.length) / clip.patternLength) : 1;
      for (let pass = 0; pass < passes; pass++) {
        clip.notes.forEach((note, index) => {
          const at = swungStart(note.start, clip.division, clip.swing) + pass * clip.patternLength - clip.offset;
          if (at < 0 || at >= clip.length) return;
          if (note.probability !== undefined && noteChance(clip.id, index, pass) >= note.probability) return;
          const ratchet = note.ratchet ?? 1;
          const step = note.length / ratchet;
          for (let r = 0; r < ratchet; r++) {
            const on = at + r * step;
            if (on >= clip.length) break;
            const off = Math.min(on + step, clip.length);
            events.push({ frame: frameOf(clip.start + on), kind: noteEventKind.on, pitch: note.pitch, velocity: note.velocity, order: events.length });
            events.push({ frame: frameOf(clip.start + off), kind: noteEventKind.off, pitch: note.pitch, velocity: 0, order: events.length });
          }
        });
      }
    }
    events.sort((a, b) => a.frame - b.frame || a.kind - b.kind || a.order - b.order);
    return new NoteSchedule(events, endFrame);
  }

  /** Hands out events from `frame` on next (after a seek, a loop wrap or play). */
  seek(frame: number): void {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.frame[middle] as number) < frame) low = middle + 1;
      else high = middle;
    }
    this.cursor = low;
  }

  /** Appends the events of timeline frames [from, from + count) to `events`, at frames relative to `from`. */
  take(events: NoteEvents, from: number, count: number): void {
    const end = from + count;
    let i = this.cursor;
    while (i < this.count && (this.frame[i] as number) < end) {
      const frame = this.frame[i] as number;
      if (frame >= from) events.push(frame - from, this.kind[i] as number, this.pitch[i] as number, this.velocity[i] as number);
      i++;
    }
    this.cursor = i;
  }
}
