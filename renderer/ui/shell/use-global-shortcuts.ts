import { useEffect } from 'react';
import { useProject } from '../../state/project-store';
import { useTransport } from '../../state/transport-store';

/** Keys that act anywhere except while typing in a text field. */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      if ((event.ctrlKey || event.metaKey) && !event.altKey && historyShortcut(event)) {
        event.preventDefault();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const transport = useTransport.getState();
      if (event.code === 'Space') {
        event.preventDefault();
        void transport.toggle();
      } else if (event.key === 'Enter' && !(event.target instanceof HTMLButtonElement)) {
        event.preventDefault();
        transport.returnToStart();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** Ctrl/Cmd+Z undoes; Ctrl/Cmd+Shift+Z and Ctrl+Y redo. Returns whether the key was one of them. */
function historyShortcut(event: KeyboardEvent): boolean {
  const key = event.key.toLowerCase();
  const project = useProject.getState();
  if (key === 'z' && !event.shiftKey) project.undo();
  else if ((key === 'z' && event.shiftKey) || (key === 'y' && event.ctrlKey)) project.redo();
  else return false;
  return true;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || (target instanceof HTMLElement && target.isContentEditable);
}
