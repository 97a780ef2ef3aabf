import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useDismiss } from './use-dismiss';

export interface TopBarMenuItem {
  readonly label: string;
  readonly run: () => void;
  /**
   * The shortcut shown beside the label, as printed ("Ctrl+Shift+S"); assistive technology gets it
   * as aria-keyshortcuts, not in the item's name. The key itself is bound in the shortcut registry.
   */
  readonly keys?: string;
  readonly title?: string;
  /** Starts a new group: a line above the item. */
  readonly group?: boolean;
}

/**
 * A "Name ▾" button in the top bar and its menu. The top bar clips what overflows it, so the menu
 * is placed on the page (fixed) under its button, aligned to the button's `align` edge. Escape or a
 * press outside closes it; choosing an item closes it first, then runs the item.
 */
export function TopBarMenu({ label, menuLabel, items, align, title, footer }: { label: string; menuLabel: string; items: readonly TopBarMenuItem[]; align: 'left' | 'right'; title?: string; footer?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useDismiss(open, root, useCallback(() => setOpen(false), []));
  const anchor = open ? button.current?.getBoundingClientRect() : undefined;
  const place = anchor && (align === 'left' ? { top: anchor.bottom + 4, left: anchor.left } : { top: anchor.bottom + 4, right: window.innerWidth - anchor.right });
  return (
    <div className="topbar-menu" ref={root}>
      <button ref={button} type="button" aria-haspopup="menu" aria-expanded={open} title={title} onClick={() => setOpen(!open)}>
        {label} ▾
      </button>
      {open && place && (
        <div role="menu" aria-label={menuLabel} className="topbar-menu-items menu-popover" style={place}>
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              title={item.title}
              aria-keyshortcuts={item.keys?.replace('Ctrl', 'Control')}
              className={item.group ? 'topbar-menu-group' : undefined}
              onClick={() => {
                setOpen(false);
                item.run();
              }}
            >
              {item.label}
              {item.keys && (
                <>
                  {' '}
                  <kbd aria-hidden="true">{item.keys}</kbd>
                </>
              )}
            </button>
          ))}
          {footer}
        </div>
      )}
    </div>
  );
}
