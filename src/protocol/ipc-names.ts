/**
 * The names of the IPC contract and their Electron channels, without the schemas: the sandboxed
 * preload needs only these, and importing them costs no zod. `ipc.ts` declares one schema per
 * name and the typecheck fails if the two lists drift apart.
 */
export const operationNames = [
  'app.info', 'library.import', 'library.search', 'library.packs', 'library.setFavourite', 'library.setTempo',
  'library.watch', 'library.unwatch', 'library.watched', 'library.collections', 'library.createCollection',
  'library.renameCollection', 'library.deleteCollection', 'library.addToCollection', 'library.removeFromCollection', 'library.findByHash', 'audio.load', 'audio.store', 'export.start', 'job.cancel',
  'project.open', 'project.save', 'project.findInFolder', 'project.recent', 'project.writeRecovery', 'project.discardRecovery', 'project.view', 'project.rememberView', 'presets.list', 'presets.save', 'presets.load', 'midi.read', 'midi.write', 'project.recoveries', 'project.resolveRecovery',
  'project.exportBundle', 'project.openBundle', 'project.collect', 'files.choose', 'files.list', 'files.pick', 'files.showInFolder', 'recording.begin', 'recording.append', 'recording.finish', 'recording.recovered', 'settings.get', 'settings.update', 'app.setEditState', 'app.saveBeforeCloseOutcome'] as const;
export type OperationName = (typeof operationNames)[number];

export const eventNames = ['job.progress', 'library.changed', 'app.menuCommand', 'app.openFile', 'app.saveBeforeClose'] as const;
export type EventName = (typeof eventNames)[number];

/** Electron channel names: one per operation, one per event. */
export const invokeChannel = (name: OperationName): string => `glowroom:${name}`;
export const eventChannel = (name: EventName): string => `glowroom:event:${name}`;
/** The preload tells main the path of a file dropped from the OS, so main grants it (not a contract operation: the page cannot send it). */
export const droppedFileChannel = 'glowroom:dropped-file';
