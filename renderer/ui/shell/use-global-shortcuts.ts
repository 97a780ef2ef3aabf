import { useEffect } from 'react';
import { isTyping } from '../is-typing';
import { shortcuts } from './shortcuts';

/**
 * Runs the app's keyboard shortcuts anywhere except while typing in a text field (or on a
 * focused button, where Enter and Space belong to the button). `?` toggles the shortcut sheet.
 */
export function useGlobalShortcuts(toggleSheet: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.defaultPrevented) return;
      if (event.key === '?') {
        event.preventDefault();
        toggleSheet();
        return;
      }
      if (event.target instanceof HTMLButtonElement && event.key === 'Enter') return;
      const shortcut = shortcuts.find((s) => s.matches(event));
      if (!shortcut) return;
      event.preventDefault();
      shortcut.run(event);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [toggleSheet]);
}
