/**
 * Choosing files, for `ipc.ts`: the page asks for a file or folder *for a purpose*; the Node side
 * decides what fits the purpose (kind, extensions, default folder) and grants what the user
 * picked. The desktop app answers with the system dialog's choice; the web host opens a browse
 * session that the page's own file browser lists (`files.list`) and ends (`files.pick`).
 */
import { z } from 'zod';
import { isAbsolutePath } from '../std/absolute-path';

export const filePath = z
  .string()
  .min(1, 'a path is required')
  .max(4096, 'path is too long')
  .refine(isAbsolutePath, 'must be a full path from the top of the disk (like /home/me/Music/song.wav): choose it with the file dialog');

/** What the user is choosing a path for; each has its own kind, filters and title on the Node side. */
export const FilePurpose = z.enum([
  'open-project',
  'save-project',
  'import-folder',
  'import-files',
  'watch-folder',
  'export-audio',
  'export-bundle',
  'open-bundle',
  'unpack-bundle',
  'relink-folder',
  'relink-file',
  'import-midi',
  'export-midi',
]);
export type FilePurpose = z.infer<typeof FilePurpose>;

export const FileKind = z.enum(['open-file', 'save-file', 'folder']);
export type FileKind = z.infer<typeof FileKind>;

export const ChooseArgs = z.object({
  purpose: FilePurpose,
  /** Where to start: a folder, or for a save a suggested file (folder and name). Absent: the purpose's default folder. */
  defaultPath: filePath.optional(),
  /** For a save: the suggested file name when `defaultPath` names a folder or is absent ("Night drive.glowroom"). */
  name: z.string().min(1).max(255).optional(),
});
export type ChooseArgs = z.input<typeof ChooseArgs>;

/** A place the in-page browser offers beside the listing. */
export const FilePlace = z.object({ label: z.string(), path: z.string(), kind: z.enum(['folder', 'file']) });
export type FilePlace = z.infer<typeof FilePlace>;

/** An open browse session: what the in-page browser shows first. */
export const BrowseSession = z.object({
  session: z.string(),
  title: z.string(),
  /** The button that picks: Open, Save, Import, … */
  action: z.string(),
  kind: FileKind,
  /** What the listing keeps of the files, for the page to say so ("Glowroom projects (.glowroom)"). */
  filter: z.object({ label: z.string(), suffixes: z.array(z.string()) }),
  /** The folder to list first. */
  folder: z.string(),
  /** A suggested file name for a save. */
  name: z.string(),
  places: z.array(FilePlace),
});
export type BrowseSession = z.infer<typeof BrowseSession>;

export const ChooseResult = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('chosen'), path: z.string() }),
  z.object({ outcome: z.literal('cancelled') }),
  z.object({ outcome: z.literal('browse'), browse: BrowseSession }),
]);
export type ChooseResult = z.infer<typeof ChooseResult>;

export const ListArgs = z.object({ session: z.string().min(1).max(100), folder: filePath });
export const FolderEntry = z.object({
  name: z.string(),
  path: z.string(),
  kind: z.enum(['folder', 'file']),
  /** Bytes, for files. */
  size: z.number().nonnegative().nullable(),
  /** Milliseconds since 1970. */
  modified: z.number().nullable(),
});
export type FolderEntry = z.infer<typeof FolderEntry>;
export const FolderListing = z.object({
  folder: z.string(),
  /** Null at the top of the disk. */
  parent: z.string().nullable(),
  /** Folders first, then the files that fit the purpose, each by name. */
  entries: z.array(FolderEntry),
  /** Entries left out because the folder holds too many. */
  leftOut: z.number().int().nonnegative(),
});
export type FolderListing = z.infer<typeof FolderListing>;

export const PickArgs = z.object({ session: z.string().min(1).max(100), path: filePath });
export const PickedPath = z.object({ path: z.string() });
