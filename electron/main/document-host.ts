import { app, dialog, Menu, type BrowserWindow } from 'electron';
import { eventChannel, events, type EditState, type EventName, type EventPayload, type MenuCommand } from '../../src/protocol/ipc';
import type { Dispatcher } from '../services/dispatcher';
import { isAppUrl } from './app-protocol';
import { buildAppMenu } from './menu';

const cleanState: EditState = { undoLabel: null, redoLabel: null, dirty: false, title: 'Glowroom' };

/**
 * The desktop side of the open document: the native menu, the window title and unsaved mark,
 * asking before closing with unsaved changes, and files handed over by the OS. The renderer owns
 * the document; it reports its state through `app.setEditState` and receives `app.menuCommand`
 * and `app.openFile`. Files opened before the renderer listens wait until its first report.
 */
export class DocumentHost {
  private state: EditState = cleanState;
  private recent: string[] = [];
  private rendererListening = false;
  private readonly pendingFiles: string[] = [];
  /** Set once the user chose Don't Save, so the close that follows is not asked about again. */
  private closingAnyway = false;

  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly currentWindow: () => BrowserWindow | null,
  ) {}

  /** Call for each new window: a new page must report before it receives anything. */
  attach(window: BrowserWindow): void {
    this.rendererListening = false;
    this.closingAnyway = false;
    this.state = cleanState;
    window.webContents.on('did-start-loading', () => {
      this.rendererListening = false;
    });
    window.on('close', (event) => {
      if (!this.state.dirty || this.closingAnyway) return;
      event.preventDefault();
      // Cancel also calls off a quit that asked this window to close.
      if (this.askToDiscard(window)) window.close();
    });
    // The page's own `beforeunload` guard (the web host's) would otherwise stop the close silently.
    window.webContents.on('will-prevent-unload', (event) => {
      if (this.closingAnyway || this.askToDiscard(window)) event.preventDefault();
    });
    this.refreshMenu();
  }

  /**
   * Don't Save / Cancel only: saving can need a path the renderer must ask for, so to keep the
   * changes the user cancels, saves in the window and closes again. True for Don't Save.
   */
  private askToDiscard(window: BrowserWindow): boolean {
    const name = this.state.title.replace(/^• /, '').replace(/ — Glowroom$/, '');
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      buttons: ["Don't Save", 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      message: `Close “${name}” without saving?`,
      detail: 'Your changes since the last save will be lost. Choose Cancel, then Save, to keep them.',
    });
    this.closingAnyway = choice === 0;
    return this.closingAnyway;
  }

  quit(): void {
    app.quit();
  }

  /** The renderer's report (through `app.setEditState`): menu labels, title, unsaved mark. */
  setEditState(state: EditState): void {
    const window = this.currentWindow();
    this.state = state;
    if (window && !window.isDestroyed()) {
      window.setTitle(state.title);
      window.setDocumentEdited(state.dirty);
    }
    this.refreshMenu();
    if (!this.rendererListening) {
      this.rendererListening = true;
      for (const file of this.pendingFiles.splice(0)) this.openFile(file);
    }
  }

  /** A file from the OS (open-file, argv, a second instance) or the recent list. */
  openFile(file: string): void {
    if (!this.rendererListening) {
      this.pendingFiles.push(file);
      return;
    }
    this.send('app.openFile', { path: file });
  }

  command(command: MenuCommand): void {
    this.send('app.menuCommand', { command });
  }

  /** Rebuilds the menu, with the recent list as the Node side knows it now. */
  refreshMenu(): void {
    this.applyMenu();
    void this.dispatcher.call('project.recent', {}).then((reply) => {
      const paths = reply.ok ? (reply.value as { paths: string[] }).paths : [];
      if (paths.join('\n') === this.recent.join('\n')) return;
      this.recent = paths;
      this.applyMenu();
    });
  }

  private applyMenu(): void {
    Menu.setApplicationMenu(buildAppMenu(this.state, this.recent, { command: (c) => this.command(c), openFile: (f) => this.openFile(f), quit: () => this.quit() }));
  }

  private send<N extends EventName>(name: N, payload: EventPayload<N>): void {
    const window = this.currentWindow();
    if (!window || window.isDestroyed() || !isAppUrl(window.webContents.mainFrame.url)) return;
    if (window.isMinimized()) window.restore();
    window.focus();
    window.webContents.send(eventChannel(name), events[name].parse(payload));
  }
}
