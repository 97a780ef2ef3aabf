import { useEffect } from 'react';
import { displayName, hasUnsavedChanges, useProject } from '../../state/project-store';

/** The window title names the project and marks unsaved changes; leaving with them asks first. */
export function useWindowTitle(): void {
  const name = useProject(displayName);
  const dirty = useProject(hasUnsavedChanges);
  useEffect(() => {
    document.title = `${dirty ? '• ' : ''}${name} — Glowroom`;
  }, [name, dirty]);
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (hasUnsavedChanges(useProject.getState())) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);
}
