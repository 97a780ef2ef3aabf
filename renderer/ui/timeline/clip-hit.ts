import type { Clip, Track } from '../../../src/model/project-schema';
import type { Clock } from '../../../src/std/clock';
import { clipBox, partAt, type ClipPart } from './clip-geometry';
import { trackLayers } from './clip-layers';
import { laneClips } from './take-lanes';

export interface ClipHit {
  readonly clip: Clip;
  readonly part: ClipPart;
}

/**
 * The clip of a track under a point in its lane (x from beat 0, y from the top of the row) and
 * the part of it there. Clips later in the track draw on top of earlier ones, so they win; a clip
 * lying over others is drawn lower (`trackLayers`), so the strip above it belongs to the clip below.
 * Takes not chosen are not in the lane (`laneClips`).
 */
export function clipAt(track: Track, x: number, y: number, view: { readonly pixelsPerBeat: number; readonly clock: Clock; readonly rowHeight: number }): ClipHit | null {
  const clips = laneClips(track.clips);
  const { depth } = trackLayers(clips);
  for (let i = clips.length - 1; i >= 0; i--) {
    const clip = clips[i];
    if (!clip) continue;
    const part = partAt(clip, clipBox(clip, view.pixelsPerBeat, view.rowHeight, depth[i]), x, y, view.clock, view.pixelsPerBeat);
    if (part) return { clip, part };
  }
  return null;
}
