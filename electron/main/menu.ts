import path from 'node:path';
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { EditState, MenuCommand } from '../../src/protocol/ipc';
import { productName } from '../services/data-dir';

export interface MenuActions {
  /** Runs a command in the renderer, as its keyboard shortcut would. */
  readonly command: (command: MenuCommand) => void;
  /** Opens a recent project (through the renderer, which asks about unsaved changes). */
  readonly openFile: (file: string) => void;
  readonly quit: () => void;
}

/**
 * The application menu, rebuilt whenever what it shows changes (Undo/Redo labels, the recent
 * list): Electron cannot relabel items of a menu already set on every platform. Items that edit
 * the project go to the renderer as `app.menuCommand`; the accelerators are only shown here
 * (`registerAccelerator: false`), since the renderer's own shortcuts handle the keys, and text
 * fields keep their native Cut/Copy/Paste/Select All through the roles.
 */
export function buildAppMenu(state: EditState, recent: readonly string[], actions: MenuActions): Menu {
  const run = (label: string, command: MenuCommand, accelerator?: string, enabled = true): MenuItemConstructorOptions => ({
    label,
    enabled,
    click: () => actions.command(command),
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
  });
  const isMac = process.platform === 'darwin';
  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: 'No Recent Projects', enabled: false }]
      : recent.map((file) => ({ label: path.basename(file, '.glowroom'), sublabel: file, toolTip: file, click: () => actions.openFile(file) }));
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ label: productName, submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { label: `Quit ${productName}`, accelerator: 'Cmd+Q', click: actions.quit }] } satisfies MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [
        run('New', 'new', 'CmdOrCtrl+N'),
        run('Open…', 'open', 'CmdOrCtrl+O'),
        { label: 'Open Recent', submenu: recentItems },
        { type: 'separator' },
        run('Save', 'save', 'CmdOrCtrl+S'),
        run('Save As…', 'save-as', 'CmdOrCtrl+Shift+S'),
        run('Export…', 'export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        run('Collect and Save', 'collect'),
        run('Export Bundle…', 'export-bundle'),
        run('Open Bundle…', 'open-bundle'),
        { type: 'separator' },
        run('Import MIDI File…', 'import-midi'),
        run('Export Clip as MIDI…', 'export-midi-clip'),
        run('Export Track as MIDI…', 'export-midi-track'),
        ...(isMac ? [] : [{ type: 'separator' } as const, { label: 'Quit', accelerator: 'Ctrl+Q', click: actions.quit }]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        run(state.undoLabel ? `Undo ${state.undoLabel}` : 'Undo', 'undo', 'CmdOrCtrl+Z', state.undoLabel !== null),
        run(state.redoLabel ? `Redo ${state.redoLabel}` : 'Redo', 'redo', 'CmdOrCtrl+Shift+Z', state.redoLabel !== null),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        run('Add Time Signature Change…', 'add-time-signature', 'CmdOrCtrl+Shift+M'),
      ],
    },
    {
      label: '&Mix',
      submenu: [
        run('All Channels: Read', 'all-channels-read'),
        run('All Channels: Touch', 'all-channels-touch'),
        run('All Channels: Latch', 'all-channels-latch'),
        run('All Channels: Write', 'all-channels-write'),
      ],
    },
    {
      label: '&View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }, { type: 'separator' }, { role: 'toggleDevTools' }],
    },
    {
      label: '&Help',
      submenu: [
        run('Getting Started', 'getting-started'),
        run('Keyboard Shortcuts', 'shortcuts', '?'),
        run('Guide', 'guide'),
        run('Open Demo Song', 'open-demo'),
        { type: 'separator' },
        { label: `${productName} ${app.getVersion()}`, enabled: false },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
