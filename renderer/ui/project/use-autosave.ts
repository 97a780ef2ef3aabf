import { useEffect } from 'react';
import { startAutosave } from '../../state/autosave';

/** Autosave runs while the app is open (see `state/autosave`). */
export function useAutosave(): void {
  useEffect(() => startAutosave(), []);
}
