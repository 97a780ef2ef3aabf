import { useCallback, useRef } from 'react';
import { useDismiss } from '../use-dismiss';
import { deleteMeterChangeAt } from './meter-actions';
import { useMeterUi } from './meter-store';

/** Room (px) the menu needs, to keep it inside the window. */
const menuRoom = { width: 260, height: 110 };

/**
 * The menu a right-click on the ruler or the tempo lane opens: Add Time Signature Change… at the
 * bar under the pointer; on a meter's flag, Edit Time Signature… and (for a change, not the song's
 * own meter) Delete Time Signature Change.
 */
export function RulerMenu() {
  const at = useMeterUi((s) => s.menu);
  const close = useMeterUi((s) => s.closeMenu);
  const root = useRef<HTMLDivElement>(null);
  useDismiss(at !== null, root, useCallback(() => close(), [close]));
  if (!at) return null;
  const { openDialog } = useMeterUi.getState();
  const change = at.change;
  return (
    <div ref={root} role="menu" aria-label="Ruler" className="clip-menu menu-popover" style={{ left: Math.min(at.x, window.innerWidth - menuRoom.width), top: Math.min(at.y, window.innerHeight - menuRoom.height) }}>
      {change === null ? (
        <button type="button" role="menuitem" autoFocus onClick={() => openDialog({ bar: at.bar, change: at.bar === 0 ? 0 : null })}>
          Add Time Signature Change… <kbd>Ctrl+Shift+M</kbd>
        </button>
      ) : (
        <>
          <button type="button" role="menuitem" autoFocus onClick={() => openDialog({ bar: change, change })}>
            Edit Time Signature…
          </button>
          {change > 0 && (
            <button
              type="button"
              role="menuitem"
              onClick={() => {
                close();
                deleteMeterChangeAt(change);
              }}
            >
              Delete Time Signature Change <kbd>Del</kbd>
            </button>
          )}
        </>
      )}
    </div>
  );
}
