import { memo, useMemo } from 'react';
import type { Track } from '../../../src/model/project-schema';
import { useProject } from '../../state/project-store';
import { useTimeline } from '../../state/timeline-store';
import { ClipView } from './ClipView';
import { sampleDropHandlers } from './drop-target';

/**
 * A track's lane: the beat grid and its clips. Only the clips that overlap beats
 * [fromBeat, toBeat) are mounted, plus the selected ones (a clip being dragged keeps its element,
 * which holds the gesture's pointer capture, wherever it is dragged).
 */
export const Lane = memo(function Lane({ track, width, fromBeat, toBeat }: { track: Track; width: number; fromBeat: number; toBeat: number }) {
  const beatsPerBar = useProject((s) => s.project.timeSignature[0]);
  const tempo = useProject((s) => s.project.tempo);
  const sources = useProject((s) => s.project.sources);
  const pixelsPerBeat = useTimeline((s) => s.pixelsPerBeat);
  const selection = useTimeline((s) => s.selection);
  const barWidth = beatsPerBar * pixelsPerBeat;
  const shown = useMemo(() => {
    const selected = new Set(selection);
    return track.clips.filter((clip) => (clip.start < toBeat && clip.start + clip.length > fromBeat) || selected.has(clip.id));
  }, [track.clips, fromBeat, toBeat, selection]);
  return (
    <div
      className="lane"
      role="listbox"
      aria-multiselectable="true"
      aria-label={`Track ${track.name}`}
      data-track-id={track.id}
      style={{ width, backgroundSize: `${barWidth}px 100%, ${pixelsPerBeat}px 100%` }}
      {...sampleDropHandlers(track.id)}
    >
      {shown.map((clip) => (
        <ClipView key={clip.id} tempo={tempo} path={sources[clip.source]?.path ?? ''} track={track} clip={clip} />
      ))}
    </div>
  );
});
