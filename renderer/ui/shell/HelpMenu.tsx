import { useCallback, useRef, useState } from 'react';
import { useSession } from '../../state/session-store';
import { useUi } from '../../state/ui-store';
import { openDemoSong } from '../project';
import { useDismiss } from '../use-dismiss';

/**
 * Help ▾ in the top bar of a browser tab (the desktop app has the same items in its native Help
 * menu): Getting Started, Keyboard Shortcuts, the guide, the demo song, and which Glowroom this is.
 */
export function HelpMenu() {
  const info = useSession((s) => s.info);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useDismiss(open, root, useCallback(() => setOpen(false), []));
  if (info?.host !== 'web') return null;
  const run = (action: () => void) => () => {
    setOpen(false);
    action();
  };
  // The top bar clips what overflows it, so the menu is placed on the page, under its button.
  const anchor = open ? button.current?.getBoundingClientRect() : undefined;
  return (
    <div className="help-menu" ref={root}>
      <button ref={button} type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        Help ▾
      </button>
      {open && anchor && (
        <div role="menu" aria-label="Help" className="help-menu-items menu-popover" style={{ top: anchor.bottom + 4, right: window.innerWidth - anchor.right }}>
          <button type="button" role="menuitem" onClick={run(() => useUi.getState().showGettingStarted(true))}>
            Getting Started
          </button>
          <button type="button" role="menuitem" onClick={run(() => useUi.getState().show('shortcuts'))}>
            Keyboard Shortcuts <kbd>?</kbd>
          </button>
          <button type="button" role="menuitem" onClick={run(() => useUi.getState().show('guide'))}>
            Guide
          </button>
          <button type="button" role="menuitem" onClick={run(() => void openDemoSong())}>
            Open Demo Song
          </button>
          <p className="help-menu-version">
            Glowroom {info.version} · Web host
          </p>
        </div>
      )}
    </div>
  );
}
