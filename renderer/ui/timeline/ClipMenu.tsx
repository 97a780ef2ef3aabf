import { useCallback, useRef } from 'react';
import { linkedAmong } from '../../../src/model/beats/make-unique';
import { useProject } from '../../state/project-store';
import { useTimeline } from '../../state/timeline-store';
import { useDismiss } from '../use-dismiss';
import { useClipMenu } from './clip-menu-store';
import { deleteSelection, duplicateSelection, makeSelectionUnique, toggleMuteSelection } from './edit-actions';
import { refsOf } from './selection';
import { sliceToSamplerFrom } from './slice-to-sampler-action';

/** Room (px) the menu needs, to keep it inside the window. */
const menuRoom = { width: 220, height: 180 };

/**
 * The menu a right-click on a clip opens, for the selection (the clicked clip joins it first):
 * Make Unique (offered for linked note clips, with how many), Duplicate, Mute / Unmute, Delete —
 * the very actions of their shortcuts, which it shows — and Slice to Sampler for audio (the
 * selected pieces of a chopped loop, or one clip at its transients).
 */
export function ClipMenu() {
  const at = useClipMenu((s) => s.at);
  const close = useClipMenu((s) => s.close);
  const root = useRef<HTMLDivElement>(null);
  useDismiss(at !== null, root, useCallback(() => close(), [close]));
  const selection = useTimeline((s) => s.selection);
  const project = useProject((s) => s.project);
  if (!at) return null;
  const linked = linkedAmong(project, selection);
  const selected = new Set(selection);
  const hasAudio = project.tracks.some((track) => track.clips.some((clip) => selected.has(clip.id) && clip.kind === 'audio'));
  const allMuted = project.tracks.every((track) => track.clips.every((clip) => !selected.has(clip.id) || clip.mute));
  const run = (action: () => void) => () => {
    close();
    action();
  };
  return (
    // Kept inside the window: a right-click near its right or bottom edge opens the menu up or left.
    <div ref={root} role="menu" aria-label="Clip" className="clip-menu menu-popover" style={{ left: Math.min(at.x, window.innerWidth - menuRoom.width), top: Math.min(at.y, window.innerHeight - menuRoom.height) }}>
      <button type="button" role="menuitem" disabled={linked === 0} onClick={run(makeSelectionUnique)}>
        {linked > 1 ? `Make ${linked} Clips Unique` : 'Make Unique'} <kbd>U</kbd>
      </button>
      <button type="button" role="menuitem" onClick={run(duplicateSelection)}>
        Duplicate <kbd>Ctrl+D</kbd>
      </button>
      <button type="button" role="menuitem" onClick={run(toggleMuteSelection)}>
        {allMuted ? 'Unmute' : 'Mute'} <kbd>0</kbd>
      </button>
      <button type="button" role="menuitem" disabled={!hasAudio} onClick={run(() => sliceToSamplerFrom(refsOf(useProject.getState().project, selection)))}>
        Slice to Sampler
      </button>
      <button type="button" role="menuitem" onClick={run(deleteSelection)}>
        Delete <kbd>Del</kbd>
      </button>
    </div>
  );
}
