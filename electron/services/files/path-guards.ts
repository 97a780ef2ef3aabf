import type { z } from 'zod';
import type { OperationName, operations } from '../../../src/protocol/ipc';

type ArgsOf<N extends OperationName> = z.infer<(typeof operations)[N]['args']>;

/** The paths an operation touches, what it does with them, and what the user does to give them. */
export interface PathGuard<N extends OperationName> {
  readonly paths: (args: ArgsOf<N>) => readonly (string | null | undefined)[];
  /** "open", "write", …: Glowroom may only <verb> files and folders you gave it. */
  readonly verb: string;
  readonly remedy: string;
}

/**
 * Every operation of the contract that takes a path, checked against the grants before its
 * service runs. An operation missing here touches no path of the user's choosing.
 */
export const pathGuards: { readonly [N in OperationName]?: PathGuard<N> } = {
  'library.import': { paths: (a) => a.paths, verb: 'import', remedy: 'Choose it with Import folder… or Import file… so Glowroom may read it.' },
  'library.watch': { paths: (a) => [a.path], verb: 'watch', remedy: 'Choose it with Watch folder… so Glowroom may read it.' },
  'audio.load': {
    paths: (a) => [a.path],
    verb: 'play',
    remedy: 'Import its folder into the library, drop the file onto the timeline, or relink it with Choose… so Glowroom may read it.',
  },
  'audio.store': { paths: (a) => [a.projectPath], verb: 'store audio beside', remedy: 'Save the project with Save As… first, so Glowroom may write into its folder.' },
  'recording.begin': { paths: (a) => [a.projectPath], verb: 'record beside', remedy: 'Save the project with Save As… first, so Glowroom may write into its folder.' },
  'export.start': { paths: (a) => [a.outPath, a.stems?.folder], verb: 'write to', remedy: 'Choose where to export with Choose… so Glowroom may write there.' },
  'project.open': { paths: (a) => [a.path], verb: 'open', remedy: 'Choose the file with Open… so Glowroom may read it.' },
  'project.save': { paths: (a) => [a.path], verb: 'save to', remedy: 'Choose where to save with Save As… so Glowroom may write there.' },
  'project.findInFolder': { paths: (a) => [a.folder], verb: 'search', remedy: 'Choose the folder with Search folder… so Glowroom may look inside.' },
  'project.exportBundle': { paths: (a) => [a.projectPath, a.outPath], verb: 'bundle', remedy: 'Choose where the bundle goes with Export Bundle… so Glowroom may write there.' },
  'project.openBundle': { paths: (a) => [a.zipPath, a.intoFolder], verb: 'unpack', remedy: 'Choose the bundle and the folder to unpack into with Open Bundle… so Glowroom may use them.' },
  'project.collect': { paths: (a) => [a.projectPath], verb: 'collect', remedy: 'Open the project with Open…, or save it with Save As…, first.' },
  'midi.read': { paths: (a) => [a.path], verb: 'import', remedy: 'Choose the file with Import MIDI file… or drop it onto the timeline, so Glowroom may read it.' },
  'midi.write': { paths: (a) => [a.path], verb: 'write to', remedy: 'Choose where to export with Export as MIDI file… so Glowroom may write there.' },
  'files.showInFolder': { paths: (a) => [a.path], verb: 'show', remedy: 'Only files Glowroom wrote or you chose can be shown.' },
};
