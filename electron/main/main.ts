/**
 * Glowroom's Electron entry: wires the window, the app:// protocol and IPC to the shared services.
 * No business logic lives here; the services are the same ones the web host serves.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { app, session, type BrowserWindow } from 'electron';
import { dataDir } from '../services/data-dir';
import { Dispatcher } from '../services/dispatcher';
import { rendererDist } from '../services/repo-paths';
import { appEntryUrl, registerAppScheme, serveAppScheme } from './app-protocol';
import { DocumentHost } from './document-host';
import { errorText, quitWithError } from './fatal';
import { nativeChooser, showInFolder } from './file-dialogs';
import { serveIpc } from './ipc';
import { documentsIn } from './os-files';
import { denyPermissions } from './permissions';
import { createMainWindow } from './window';
import { guardWebContents } from './web-contents-guard';

/**
 * Electron, the web host and the CLI share one data folder. It must be set before `ready` and
 * before the single-instance lock, which is scoped to `userData` (so each GLOWROOM_HOME is its own
 * instance). Electron refuses a folder that does not exist yet.
 */
function useSharedDataDir(): boolean {
  const dir = dataDir();
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    quitWithError(
      `Glowroom could not create its data folder ${dir} (${errorText(error)}).`,
      'Make that folder writable, or set the GLOWROOM_HOME environment variable to a folder you can write to.',
    );
    return false;
  }
  app.setPath('userData', dir);
  return true;
}

function start(): void {
  let mainWindow: BrowserWindow | null = null;
  const dispatcher = new Dispatcher('electron', { nativeChooser: nativeChooser(() => mainWindow), showInFolder });
  dispatcher.startBackgroundWork().catch((error: unknown) => console.error('Glowroom could not start watching library folders:', error));
  const documents = new DocumentHost(dispatcher, () => mainWindow);
  // macOS hands files over by event, possibly before `ready`; they wait until the page listens.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    documents.openFile(file);
    if (app.isReady() && !mainWindow) openWindow();
  });
  // Windows and Linux put them on the command line.
  for (const file of documentsIn(process.argv.slice(1), process.cwd())) documents.openFile(file);

  const openWindow = () => {
    if (!existsSync(path.join(rendererDist, 'index.html'))) {
      quitWithError(
        `Glowroom's interface is missing: there is no ${path.join(rendererDist, 'index.html')}.`,
        'Reinstall Glowroom, or in a source checkout run `npm run build` first.',
      );
      return;
    }
    const window = createMainWindow();
    mainWindow = window;
    documents.attach(window);
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    window.loadURL(appEntryUrl).catch((error: unknown) =>
      quitWithError(
        `Glowroom could not load its interface (${errorText(error)}).`,
        'Reinstall Glowroom, or in a source checkout run `npm run build` again.',
      ),
    );
  };

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('second-instance', (_event, argv, workingDirectory) => {
    for (const file of documentsIn(argv.slice(1), workingDirectory)) documents.openFile(file);
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // Closing the last window quits, except on macOS where apps stay in the Dock until Cmd+Q.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // A quit asks each window to close; one that stops to ask about unsaved changes takes the quit up again.
  app.on('before-quit', () => documents.quitRequested());
  serveIpc(dispatcher, () => mainWindow, {
    editState: (state) => documents.setEditState(state),
    saveBeforeCloseOutcome: (answer) => documents.saveBeforeCloseOutcome(answer),
  });

  void app.whenReady().then(() => {
    denyPermissions(session.defaultSession);
    serveAppScheme();
    openWindow();
    app.on('activate', () => {
      if (!mainWindow) openWindow();
    });
  });
}

if (useSharedDataDir()) {
  registerAppScheme();
  if (app.requestSingleInstanceLock()) start();
  else app.quit();
}
