import { memo, useMemo } from 'react';
import type { Track } from '../../../src/model/project-schema';
import { useProject } from '../../state/project-store';
import { useTimeline } from '../../state/timeline-store';
import { clipBox } from './clip-geometry';
import { trackLayers } from './clip-layers';
import { ClipOverlay } from './ClipOverlay';
import { sampleDropHandlers } from './drop-target';
import { lanePointerHandlers } from './lane-pointer';
import { laneClips } from './take-lanes';

/**
 * A track's lane: a drop target and the listbox of its clips. The clips are painted by the
 * arrangement canvas underneath; the lane holds an invisible option per clip that overlaps beats
 * [fromBeat, toBeat), plus the selected ones, and finds what the pointer is on from geometry.
 */
export const Lane = memo(function Lane({ track, height, laneBeats, fromBeat, toBeat }: { track: Track; height: number; laneBeats: number; fromBeat: number; toBeat: number }) {
  const sources = useProject((s) => s.project.sources);
  const selection = useTimeline((s) => s.selection);
  const shown = useMemo(() => {
    const selected = new Set(selection);
    const clips = laneClips(track.clips);
    const { depth } = trackLayers(clips);
    return clips.flatMap((clip, index) =>
      (clip.start < toBeat && clip.start + clip.length > fromBeat) || selected.has(clip.id) ? [{ clip, depth: depth[index] ?? 0 }] : [],
    );
  }, [track.clips, fromBeat, toBeat, selection]);
  const pointer = useMemo(() => lanePointerHandlers(track, height), [track, height]);
  return (
    <div
      className="lane"
      role="listbox"
      aria-multiselectable="true"
      aria-label={`Track ${track.name}`}
      data-track-id={track.id}
      {...sampleDropHandlers(track.id)}
      {...pointer}
    >
      {/* Placed in percent of the lane: a zoom step re-renders no lane and restyles no clip. */}
      <div className="lane-clips">
        {shown.map(({ clip, depth }) => (
          <ClipOverlay key={clip.id} path={clip.kind === 'audio' ? (sources[clip.source]?.path ?? '') : ''} clip={clip} laneBeats={laneBeats} depth={depth} top={clipBox(clip, 1, height, depth).y} />
        ))}
      </div>
    </div>
  );
});
