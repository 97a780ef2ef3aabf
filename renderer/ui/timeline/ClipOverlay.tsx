import { memo } from 'react';
import type { Clip } from '../../../src/model/project-schema';
import { isSourceMissing, useProject } from '../../state/project-store';
import { useTimeline } from '../../state/timeline-store';
import { clipDisplayName } from './clip-name';

/**
 * A clip's place in the lane for the accessibility tree (and tests): an invisible option over the
 * clip the canvas draws, placed in percent of the lane (`laneBeats` long) and `top` px down (a
 * clip lying over others is drawn lower; `depth` says how many layers, also as `data-layer`). It
 * carries the name, selection and state; the lane handles the pointer.
 */
export const ClipOverlay = memo(function ClipOverlay({ clip, path, laneBeats, depth, top }: { clip: Clip; path: string; laneBeats: number; depth: number; top: number }) {
  const selected = useTimeline((s) => s.selection.includes(clip.id));
  const missing = useProject((s) => clip.kind === 'audio' && isSourceMissing(s, clip.source));
  const name = clipDisplayName(clip, path);
  const audioFacts = clip.kind === 'audio' ? `${clip.reverse ? ' · reversed' : ''}${clip.rate !== 1 ? ` · ${clip.rate}×` : ''}` : ' · notes';
  const facts = `${clip.mute ? ' · muted' : ''}${clip.loop ? ' · loop' : ''}${audioFacts}${depth > 0 ? ' · over another clip' : ''}`;
  return (
    <div
      className="clip"
      style={{ left: `${(clip.start / laneBeats) * 100}%`, width: `${(clip.length / laneBeats) * 100}%`, top }}
      role="option"
      aria-label={`Clip ${name}${missing ? ' (missing audio)' : ''}`}
      aria-selected={selected}
      title={`${name}${facts}`}
      data-layer={depth}
    />
  );
});
