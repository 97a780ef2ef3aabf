import { app, dialog, Menu, type BrowserWindow } from 'electron';
import { eventChannel, events, type EditState, type EventName, type EventPayload, type MenuCommand, type SaveOutcome } from '../../src/protocol/ipc';
import { choiceAt, CloseGuard, closeButtons, type CloseStep } from '../services/close-guard';
import type { Dispatcher } from '../services/dispatcher';
import { isAppUrl } from './app-protocol';
import { buildAppMenu } from './menu';

const cleanState: EditState = { undoLabel: null, redoLabel: null, dirty: false, title: 'Glowroom' };

/**
 * The desktop side of the open document: the native menu, the window title and unsaved mark,
 * asking before closing with unsaved changes (the decisions are CloseGuard's), and files handed
 * over by the OS. The renderer owns the document; it reports its state through
 * `app.setEditState`, receives `app.menuCommand`, `app.openFile` and `app.saveBeforeClose`, and
 * answers the last with `app.saveBeforeCloseOutcome`. Files opened before the renderer listens
 * wait until its first report.
 */
export class DocumentHost {
  private state: EditState = cleanState;
  private recent: string[] = [];
  private rendererListening = false;
  private readonly pendingFiles: string[] = [];
  private guard = new CloseGuard();

  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly currentWindow: () => BrowserWindow | null,
  ) {}

  /** Call for each new window: a new page must report before it receives anything. */
  attach(window: BrowserWindow): void {
    this.rendererListening = false;
    this.guard = new CloseGuard();
    this.state = cleanState;
    window.webContents.on('did-start-loading', () => {
      this.rendererListening = false;
    });
    window.on('close', (event) => {
      if (this.guard.closing(this.state.dirty).kind === 'proceed') return;
      event.preventDefault();
      this.carryOut(window, this.ask(window));
    });
    // The page's own `beforeunload` guard (the web host's) would otherwise stop the close silently.
    // Navigation away is blocked, so an unload here is a close the page's report had not caught up with.
    window.webContents.on('will-prevent-unload', (event) => {
      const step = this.guard.closing(true);
      const next = step.kind === 'ask' ? this.ask(window) : step;
      // preventDefault overrides the page's guard: the unload, and so the close, goes on.
      if (next.kind === 'proceed' || next.kind === 'close' || next.kind === 'quit') event.preventDefault();
      else this.carryOut(window, next);
    });
    this.refreshMenu();
  }

  /** Save / Don't Save / Cancel, as a native prompt over the window; the guard's next step. */
  private ask(window: BrowserWindow): CloseStep {
    const name = this.state.title.replace(/^• /, '').replace(/ — Glowroom$/, '');
    const answer = dialog.showMessageBoxSync(window, {
      type: 'warning',
      buttons: closeButtons.map((button) => button.label),
      defaultId: closeButtons.findIndex((button) => button.choice === 'save'),
      cancelId: closeButtons.findIndex((button) => button.choice === 'cancel'),
      noLink: true,
      message: `Save the changes to “${name}” before closing?`,
      detail: "If you don't save, the changes since the last save are lost.",
    });
    return this.guard.chose(choiceAt(answer));
  }

  private carryOut(window: BrowserWindow, step: CloseStep): void {
    if (step.kind === 'close') window.close();
    else if (step.kind === 'quit') app.quit();
    else if (step.kind === 'save') this.send('app.saveBeforeClose', { requestId: step.requestId });
  }

  /** The renderer's answer to `app.saveBeforeClose` (through `app.saveBeforeCloseOutcome`). */
  saveBeforeCloseOutcome(answer: { requestId: string; outcome: SaveOutcome }): void {
    const window = this.currentWindow();
    if (window && !window.isDestroyed()) this.carryOut(window, this.guard.saveAnswered(answer.requestId, answer.outcome));
  }

  /** Any quit (menu, dock, logout): a window that holds it to ask about unsaved changes takes it up again after. */
  quitRequested(): void {
    this.guard.quitRequested();
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

  /** A file from the OS (open-file, argv, a second instance) or the recent list: the user gave it, so it is granted first. */
  openFile(file: string): void {
    void this.dispatcher
      .grant({ path: file, scope: 'file' })
      .catch((error: unknown) => console.error('Glowroom could not remember a file the OS opened:', error))
      .then(() => {
        if (this.rendererListening) this.send('app.openFile', { path: file });
        else this.pendingFiles.push(file);
      });
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
