import { create } from 'zustand';
import type { BrowseSession, ChooseArgs, FilePurpose } from '../../src/protocol/files';
import { runtime } from '../state/runtime';
import { reportError } from '../state/session-store';

/** The in-page file browser's open session and whoever waits for its answer; one at a time. */
export const useFileBrowser = create<{
  readonly browse: BrowseSession | null;
  readonly settle: ((path: string | null) => void) | null;
  finish(path: string | null): void;
}>()((set, get) => ({
  browse: null,
  settle: null,
  finish: (path) => {
    get().settle?.(path);
    set({ browse: null, settle: null });
  },
}));

/**
 * The one way the page asks the user for a file or folder: the system dialog in the desktop app,
 * the in-page browser in a tab. Resolves with the absolute path picked (the Node side has granted
 * it) or null when the user cancelled; a failure is reported in the status bar and counts as a cancel.
 */
export async function chooseFile(purpose: FilePurpose, where: { readonly defaultPath?: string | null; readonly name?: string } = {}): Promise<string | null> {
  const args: ChooseArgs = { purpose, ...(where.defaultPath ? { defaultPath: where.defaultPath } : {}), ...(where.name ? { name: where.name } : {}) };
  try {
    const chosen = await runtime().bridge.call('files.choose', args);
    if (chosen.outcome === 'chosen') return chosen.path;
    if (chosen.outcome === 'cancelled') return null;
    useFileBrowser.getState().finish(null);
    return await new Promise<string | null>((resolve) => useFileBrowser.setState({ browse: chosen.browse, settle: resolve }));
  } catch (error) {
    reportError(error);
    return null;
  }
}
