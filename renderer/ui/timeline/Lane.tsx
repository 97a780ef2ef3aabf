import type { Track } from '../../../src/model/project-schema';
import { useProject } from '../../state/project-store';
import { useTimeline } from '../../state/timeline-store';
import { ClipView } from './ClipView';
import { sampleDropHandlers } from './drop-target';

/** A track's lane: the beat grid and its clips. */
export function Lane({ track, width }: { track: Track; width: number }) {
  const project = useProject((s) => s.project);
  const pixelsPerBeat = useTimeline((s) => s.pixelsPerBeat);
  const barWidth = project.timeSignature[0] * pixelsPerBeat;
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
      {track.clips.map((clip) => (
        <ClipView key={clip.id} project={project} track={track} clip={clip} />
      ))}
    </div>
  );
}
