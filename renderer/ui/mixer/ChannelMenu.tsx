import { useCallback, useRef } from 'react';
import { toggleSoloSafe } from '../../../src/model/edits/channel-edits';
import { soloSafeLabel } from '../../../src/model/edits/labels';
import type { Channel } from '../../../src/model/project-schema';
import { useProject } from '../../state/project-store';
import { useDismiss } from '../use-dismiss';
import { nouns, type StripInfo } from './mixer-strips';

/**
 * A track's or bus's context menu in the mixer (right-click or Shift+F10 on its name): solo safe
 * (it keeps sounding while other channels are soloed, as an effect return should) and rename.
 * Placed at the pointer, in window coordinates, so the strip's clipping cannot hide it.
 */
export function ChannelMenu({ strip, channel, at, onRename, onClose }: { strip: StripInfo; channel: Channel; at: { x: number; y: number }; onRename: () => void; onClose: () => void }) {
  const root = useRef<HTMLDivElement>(null);
  useDismiss(true, root, useCallback(onClose, [onClose]));
  const noun = nouns[strip.kind];
  return (
    <div ref={root} role="menu" aria-label={`${strip.name} channel`} className="menu-popover channel-menu" style={{ left: at.x, top: at.y }}>
      <button
        type="button"
        role="menuitemcheckbox"
        aria-checked={channel.soloSafe}
        autoFocus
        onClick={() => {
          onClose();
          useProject.getState().edit(soloSafeLabel(!channel.soloSafe, noun), (project) => toggleSoloSafe(project, strip.id));
        }}
      >
        {channel.soloSafe ? '✓ ' : ''}Solo safe
      </button>
      <button
        type="button"
        role="menuitem"
        onClick={() => {
          onClose();
          onRename();
        }}
      >
        Rename…
      </button>
    </div>
  );
}
