import { useRef } from 'react';
import { useDismiss } from '../use-dismiss';
import type { MarkerMenu } from './use-warp-markers';

/** The context menu of a warp marker (right-click): removing it. Escape or a click elsewhere closes it. */
export function WarpMarkerMenu({ menu, onDelete, onClose }: { menu: MarkerMenu; onDelete: (index: number) => void; onClose: () => void }) {
  const root = useRef<HTMLDivElement>(null);
  useDismiss(true, root, onClose);
  return (
    <div ref={root} className="menu-popover warp-marker-menu" role="menu" aria-label={`Warp marker ${menu.index + 1}`} style={{ left: menu.x, top: menu.y }}>
      <button type="button" role="menuitem" autoFocus onClick={() => onDelete(menu.index)}>
        Delete warp marker
      </button>
    </div>
  );
}
