import { dialog, shell, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { NativeChooser } from '../services/files/file-chooser';

/**
 * The system's file dialogs for `files.choose`, over Glowroom's window: what to show (title,
 * button, filters, start place) is decided by the services' purpose table; this only asks.
 */
export function nativeChooser(currentWindow: () => BrowserWindow | null): NativeChooser {
  return async (request) => {
    const window = currentWindow();
    const filters = request.kind === 'folder' ? [] : [{ name: request.filter.label, extensions: [...request.filter.extensions] }];
    const common = { title: request.title, buttonLabel: request.action, defaultPath: request.defaultPath, filters };
    if (request.kind === 'save-file') {
      const options: SaveDialogOptions = { ...common, properties: ['createDirectory', 'showOverwriteConfirmation'] };
      const saved = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return saved.canceled || !saved.filePath ? null : saved.filePath;
    }
    const options: OpenDialogOptions = { ...common, properties: request.kind === 'folder' ? ['openDirectory', 'createDirectory'] : ['openFile'] };
    const opened = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return opened.canceled ? null : (opened.filePaths[0] ?? null);
  };
}

/** "Show in folder": the system file manager with the file selected. */
export function showInFolder(file: string): void {
  shell.showItemInFolder(file);
}
