import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { eventChannel, invokeChannel, operationNames, type OperationName, type Reply } from '../../src/protocol/ipc';
import type { Dispatcher } from '../services/dispatcher';
import { appOrigin, isAppUrl } from './app-protocol';

/**
 * Serves the IPC contract to Glowroom's window: one `ipcMain.handle` per operation, each answering
 * a `Reply` (the dispatcher validates arguments and results), and every dispatcher event forwarded
 * to the window. Registered once for the life of the app; `currentWindow` is asked on every call
 * because the window may be closed and reopened (macOS).
 */
export function serveIpc(dispatcher: Dispatcher, currentWindow: () => BrowserWindow | null): void {
  for (const name of operationNames) {
    ipcMain.handle(invokeChannel(name), (event, args: unknown) =>
      isFromAppWindow(event, currentWindow()) ? dispatcher.call(name, args) : refused(name),
    );
  }
  dispatcher.onEvent((name, payload) => {
    const window = currentWindow();
    if (window && !window.isDestroyed() && isAppUrl(window.webContents.mainFrame.url)) {
      window.webContents.send(eventChannel(name), payload);
    }
  });
}

/** Only the main frame of our window, showing our own page, may call the Node side. */
function isFromAppWindow(event: IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  if (!window || window.isDestroyed() || !frame) return false;
  const mainFrame = window.webContents.mainFrame;
  return (
    event.sender.id === window.webContents.id &&
    frame.processId === mainFrame.processId &&
    frame.routingId === mainFrame.routingId &&
    isAppUrl(frame.url)
  );
}

function refused(name: OperationName): Reply<never> {
  return {
    ok: false,
    error: {
      code: 'transport',
      message: `Glowroom refused "${name}": the call came from a page or frame other than Glowroom's own window (${appOrigin}/). Restart Glowroom; if this keeps happening, please report it.`,
    },
  };
}
