import { memo } from 'react';
import type { Clip } from '../../../src/model/project-schema';
import { isSourceMissing, useProject } from '../../state/project-store';
import { useTimeline } from '../../state/timeline-store';
import { clipDisplayName } from './clip-name';

/**
 * Overlays are laid out at this many CSS pixels per beat inside a container scaled to the zoom;
 * a large unit keeps positions exact (layout rounds to 1/64 px).
 */
export const overlayUnitsPerBeat = 100;

/**
 * A clip's place in the lane for the accessibility tree (and tests): an invisible option over the
 * clip the canvas draws. It carries the name, selection and state; the lane handles the pointer.
 */
export const ClipOverlay = memo(function ClipOverlay({ clip, path }: { clip: Clip; path: string }) {
  const selected = useTimeline((s) => s.selection.includes(clip.id));
  const missing = useProject((s) => isSourceMissing(s, clip.source));
  const name = clipDisplayName(clip, path);
  const facts = `${clip.mute ? ' · muted' : ''}${clip.loop ? ' · loop' : ''}${clip.reverse ? ' · reversed' : ''}${clip.rate !== 1 ? ` · ${clip.rate}×` : ''}`;
  return (
    <div
      className="clip"
      style={{ left: clip.start * overlayUnitsPerBeat, width: clip.length * overlayUnitsPerBeat }}
      role="option"
      aria-label={`Clip ${name}${missing ? ' (missing audio)' : ''}`}
      aria-selected={selected}
      title={`${name}${facts}`}
    />
  );
});
