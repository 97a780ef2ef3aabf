import path from 'node:path';
import { ipcMain, type BrowserWindow, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { droppedFileChannel } from '../../src/protocol/ipc-names';
import { eventChannel, invokeChannel, operationNames, operations, type EditState, type OperationName, type Reply, type SaveOutcome } from '../../src/protocol/ipc';
import type { Dispatcher } from '../services/dispatcher';
import { appOrigin, isAppUrl } from './app-protocol';

/** The page's reports about its own window, which main acts on itself once the dispatcher accepted them. */
export interface WindowReports {
  /** `app.setEditState`: menu labels, title, unsaved mark. */
  readonly editState: (state: EditState) => void;
  /** `app.saveBeforeCloseOutcome`: how the Save asked for by closing ended. */
  readonly saveBeforeCloseOutcome: (answer: { requestId: string; outcome: SaveOutcome }) => void;
}

/**
 * Serves the IPC contract to Glowroom's window: one `ipcMain.handle` per operation, each answering
 * a `Reply` (the dispatcher validates arguments and results), and every dispatcher event forwarded
 * to the window; `reports` receives the page's reports about its window. Registered once for the
 * life of the app; `currentWindow` is asked on every call because the window may be closed and
 * reopened (macOS).
 */
export function serveIpc(dispatcher: Dispatcher, currentWindow: () => BrowserWindow | null, reports: WindowReports): void {
  for (const name of operationNames) {
    ipcMain.handle(invokeChannel(name), async (event, args: unknown) => {
      if (!isFromAppWindow(event, currentWindow())) return refused(name);
      const reply = await dispatcher.call(name, args);
      // The window's own state is main's business: the dispatcher only checks the arguments.
      if (reply.ok && name === 'app.setEditState') reports.editState(operations['app.setEditState'].args.parse(args));
      if (reply.ok && name === 'app.saveBeforeCloseOutcome') reports.saveBeforeCloseOutcome(operations['app.saveBeforeCloseOutcome'].args.parse(args));
      return reply;
    });
  }
  // A file dropped from the OS: the user gave it, so main grants it (the preload reports only real dropped files' paths).
  ipcMain.on(droppedFileChannel, (event, file: unknown) => {
    if (!isFromAppWindow(event, currentWindow()) || typeof file !== 'string' || !path.isAbsolute(file)) return;
    void dispatcher.grant({ path: file, scope: 'file' }).catch((error: unknown) => console.error('Glowroom could not remember a dropped file:', error));
  });
  dispatcher.onEvent((name, payload) => {
    const window = currentWindow();
    if (window && !window.isDestroyed() && isAppUrl(window.webContents.mainFrame.url)) {
      window.webContents.send(eventChannel(name), payload);
    }
  });
}

/** Only the main frame of our window, showing our own page, may call the Node side. */
function isFromAppWindow(event: IpcMainInvokeEvent | IpcMainEvent, window: BrowserWindow | null): boolean {
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
