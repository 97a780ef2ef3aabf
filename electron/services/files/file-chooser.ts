import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ChooseArgs, ChooseResult, FileKind, FilePlace, FilePurpose, FolderListing } from '../../../src/protocol/files';
import { GlowroomError } from '../../../src/std/errors';
import { filePurposes, fitsFilter, withSuffix, type PurposeSpec } from './file-purposes';
import { listFolder } from './folder-listing';
import { tooBroad, type Grant, type PathGrants } from './path-grants';

/** What the desktop host's system dialog is asked to show; it answers the chosen path, or null when cancelled. */
export interface NativeChooseRequest {
  readonly title: string;
  readonly action: string;
  readonly kind: FileKind;
  readonly filter: { readonly label: string; readonly extensions: readonly string[] };
  /** A folder, or for a save the suggested file in it. */
  readonly defaultPath: string;
}
export type NativeChooser = (request: NativeChooseRequest) => Promise<string | null>;

/** Places the chooser starts in and offers. */
export interface ChooserPlaces {
  readonly home: string;
  readonly music: string;
  readonly exports: string;
  readonly recentProjects: () => Promise<readonly string[]>;
  readonly libraryFolders: () => readonly string[];
}

interface Session {
  readonly id: string;
  readonly purpose: FilePurpose;
  /** The suggested file name of a save, whose ending a typed name without one takes. */
  readonly suggested: string;
}

/**
 * `files.choose`, `files.list` and `files.pick`: the user picks a path for a purpose and that pick
 * is granted. With a `native` chooser (the desktop app) the system dialog picks; without one (the
 * web host) `choose` opens a browse session that the page's file browser lists and ends with a
 * pick. One session at a time: a new choice ends the one before. Every pick is checked against
 * the purpose (an existing project file to open, an existing folder to import, a save into an
 * existing folder, with the right ending), whichever way it was made.
 */
export class FileChooser {
  private session: Session | null = null;

  constructor(
    private readonly grants: PathGrants,
    private readonly places: ChooserPlaces,
    private readonly native: NativeChooser | null,
  ) {}

  async choose(args: ChooseArgs): Promise<ChooseResult> {
    const spec = filePurposes[args.purpose];
    const start = await this.startOf(spec, args.defaultPath, args.name);
    if (this.native) {
      const picked = await this.native({
        title: spec.title,
        action: spec.action,
        kind: spec.kind,
        filter: { label: spec.filter.label, extensions: [...new Set(spec.filter.suffixes.map((s) => s.slice(s.lastIndexOf('.') + 1)))] },
        defaultPath: start.name ? path.join(start.folder, start.name) : start.folder,
      });
      if (picked === null) return { outcome: 'cancelled' };
      return { outcome: 'chosen', path: await this.grantPick(spec, picked, start.name) };
    }
    const session: Session = { id: randomUUID(), purpose: args.purpose, suggested: start.name };
    this.session = session;
    return {
      outcome: 'browse',
      browse: {
        session: session.id,
        title: spec.title,
        action: spec.action,
        kind: spec.kind,
        filter: { label: spec.filter.label, suffixes: [...spec.filter.suffixes] },
        folder: start.folder,
        name: start.name,
        places: await this.placesFor(spec),
      },
    };
  }

  /** One folder, as the open session's purpose shows it. Listing is browsing: it grants nothing. */
  async list(sessionId: string, folder: string): Promise<FolderListing> {
    return listFolder(folder, filePurposes[this.open(sessionId).purpose]);
  }

  /** Ends the session with the user's pick, checked and granted; a pick that does not fit leaves the session open to try again. */
  async pick(sessionId: string, target: string): Promise<{ path: string }> {
    const session = this.open(sessionId);
    const picked = await this.grantPick(filePurposes[session.purpose], target, session.suggested);
    this.session = null;
    return { path: picked };
  }

  private open(sessionId: string): Session {
    if (this.session?.id !== sessionId) {
      throw new GlowroomError('not-found', 'That file browser is closed (another was opened, or Glowroom restarted). Open it again.');
    }
    return this.session;
  }

  private async grantPick(spec: PurposeSpec, target: string, suggested: string): Promise<string> {
    const picked = await checkPick(spec, path.resolve(target), suggested);
    await this.grants.add(grantOf(spec, picked));
    return picked;
  }

  /** The folder to show first and, for a save, the suggested name: the page's default place when it exists, else the purpose's. */
  private async startOf(spec: PurposeSpec, defaultPath: string | undefined, suggested: string | undefined): Promise<{ folder: string; name: string }> {
    const saveName = spec.kind === 'save-file' ? path.basename(suggested ?? '') : '';
    if (defaultPath && (await kindOf(defaultPath)) === 'folder') return { folder: path.resolve(defaultPath), name: saveName };
    // Glowroom's own exports folder is made when first offered, as the export would make it.
    if (spec.start === 'exports') await fs.mkdir(this.places.exports, { recursive: true }).catch(() => undefined);
    const name = defaultPath && spec.kind === 'save-file' ? path.basename(defaultPath) : saveName;
    const lastProject = spec.start === 'last-project' ? (await this.places.recentProjects()).slice(0, 1).map((file) => path.dirname(file)) : [];
    const candidates = [
      ...(defaultPath ? [path.dirname(path.resolve(defaultPath))] : []),
      ...(spec.start === 'exports' ? [this.places.exports] : []),
      ...lastProject,
      this.places.music,
    ];
    for (const folder of candidates) if ((await kindOf(folder)) === 'folder') return { folder, name };
    return { folder: this.places.home, name };
  }

  /** Home, Music, Glowroom's exports, the folders of recent projects and the library's watched folders; recent projects that fit the purpose. */
  private async placesFor(spec: PurposeSpec): Promise<FilePlace[]> {
    const recent = await this.places.recentProjects();
    const folders: FilePlace[] = [
      { label: 'Home', path: this.places.home, kind: 'folder' },
      { label: 'Music', path: this.places.music, kind: 'folder' },
      { label: 'Glowroom exports', path: this.places.exports, kind: 'folder' },
      ...recent.map((file): FilePlace => ({ label: path.basename(path.dirname(file)), path: path.dirname(file), kind: 'folder' })),
      ...this.places.libraryFolders().map((folder): FilePlace => ({ label: path.basename(folder), path: folder, kind: 'folder' })),
    ];
    const files = spec.kind === 'open-file' ? recent.filter((file) => fitsFilter(spec, file)).map((file): FilePlace => ({ label: path.basename(file), path: file, kind: 'file' })) : [];
    const unique = [...new Map([...folders, ...files].map((place) => [place.path, place])).values()];
    const present = await Promise.all(unique.map(async (place) => ((await kindOf(place.path)) === place.kind ? place : null)));
    return present.filter((place): place is FilePlace => place !== null);
  }
}

/** The pick as the purpose takes it (a save gets its ending), or an error saying what to pick instead. */
async function checkPick(spec: PurposeSpec, target: string, suggested: string): Promise<string> {
  if (spec.kind === 'folder') {
    const kind = await kindOf(target);
    if (kind === 'folder') return target;
    throw new GlowroomError(kind ? 'wrong-kind' : 'not-found', kind ? `${target} is a file; choose a folder.` : `There is no folder ${target}. Choose one that exists.`);
  }
  if (spec.kind === 'open-file') {
    const kind = await kindOf(target);
    if (!kind) throw new GlowroomError('not-found', `There is no file ${target}. Check the name, or choose it in the list.`);
    if (kind === 'folder') throw new GlowroomError('wrong-kind', `${target} is a folder; open it and choose a file inside.`);
    if (!fitsFilter(spec, target)) throw new GlowroomError('wrong-kind', `${path.basename(target)} is not one of the ${spec.filter.label}. Choose one of those.`);
    return target;
  }
  const file = withSuffix(spec, target, suggested);
  if ((await kindOf(path.dirname(file))) !== 'folder') throw new GlowroomError('not-found', `There is no folder ${path.dirname(file)} to save into. Choose one that exists.`);
  if ((await kindOf(file)) === 'folder') throw new GlowroomError('wrong-kind', `${file} is a folder; type a file name.`);
  return file;
}

function grantOf(spec: PurposeSpec, picked: string): Grant {
  if (spec.grants === 'tree') return { path: picked, scope: 'tree' };
  if (spec.grants === 'folder-of-file' && !tooBroad(path.dirname(picked))) return { path: path.dirname(picked), scope: 'tree' };
  return { path: picked, scope: 'file' };
}

async function kindOf(target: string): Promise<'file' | 'folder' | null> {
  try {
    const stat = await fs.stat(target);
    return stat.isDirectory() ? 'folder' : stat.isFile() ? 'file' : null;
  } catch {
    return null;
  }
}
