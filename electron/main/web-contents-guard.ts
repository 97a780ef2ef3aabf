import type { WebContents } from 'electron';
import { isAppUrl } from './app-protocol';

/**
 * Applied to every webContents the app creates (from `web-contents-created`), so no page, frame or
 * popup can leave Glowroom's own origin: navigations and redirects elsewhere are cancelled, new
 * windows are denied and <webview> is never attached. Links to the web are not opened from here.
 */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
