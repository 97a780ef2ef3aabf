import { useEffect } from 'react';
import { useProject } from '../../state/project-store';

/** Unsaved work goes to the recovery folder this often, so a crash costs at most this much. */
export const autosaveSeconds = 30;

/** Writes unsaved changes to recovery every 30 s (only when they changed since the last write). */
export function useAutosave(): void {
  useEffect(() => {
    let written: unknown = null;
    const timer = window.setInterval(() => {
      const { project } = useProject.getState();
      if (project === written) return;
      written = project;
      void useProject.getState().writeRecovery();
    }, autosaveSeconds * 1000);
    return () => window.clearInterval(timer);
  }, []);
}
