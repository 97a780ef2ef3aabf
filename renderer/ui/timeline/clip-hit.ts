import type { Clip, Track } from '../../../src/model/project-schema';
import { clipBox, partAt, type ClipPart } from './clip-geometry';

export interface ClipHit {
  readonly clip: Clip;
  readonly part: ClipPart;
}

/**
 * The clip of a track under a point in its lane (x from beat 0, y from the top of the row) and
 * the part of it there. Clips later in the track draw on top of earlier ones, so they win.
 */
export function clipAt(track: Track, x: number, y: number, view: { readonly pixelsPerBeat: number; readonly tempo: number; readonly rowHeight: number }): ClipHit | null {
  for (let i = track.clips.length - 1; i >= 0; i--) {
    const clip = track.clips[i];
    if (!clip) continue;
    const part = partAt(clip, clipBox(clip, view.pixelsPerBeat, view.rowHeight), x, y, view.tempo, view.pixelsPerBeat);
    if (part) return { clip, part };
  }
  return null;
}
