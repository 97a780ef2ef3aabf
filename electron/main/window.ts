import path from 'node:path';
import { BrowserWindow } from 'electron';
import { productName } from '../services/data-dir';
import { appRoot } from '../services/repo-paths';

/** Built by electron/bundle.mjs; a sandboxed preload must be one CommonJS file. */
const preloadBundle = path.join(appRoot, 'dist', 'electron', 'preload.cjs');

/**
 * Glowroom's one window, not yet loaded. The page runs sandboxed and isolated with no Node
 * access; all it can reach is `window.glowroom` from the preload. It is shown once painted, so it
 * opens without a white flash; the background matches the UI's dark canvas.
 */
export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    title: productName,
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    backgroundColor: '#14161c',
    show: false,
    webPreferences: {
      preload: preloadBundle,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  return window;
}
