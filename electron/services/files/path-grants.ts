import { promises as fs, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GlowroomError } from '../../../src/std/errors';
import { writeFileAtomic } from '../atomic-write';

export type GrantScope = 'file' | 'tree';

/** A place the user gave Glowroom: one file, or a folder and everything below it. */
export interface Grant {
  readonly path: string;
  readonly scope: GrantScope;
}

/** The places granted without a pick, asked afresh on every check (they change as the user works). */
export interface StandingGrants {
  /** Glowroom's own folders: the data folder, the default exports folder, the demo pack. */
  readonly ownFolders: readonly string[];
  /** Recently opened or saved projects: each file, and its folder (the open project's among them). */
  readonly recentProjects: () => Promise<readonly string[]>;
  /** Whether the sample library holds this file or watches a folder above it. */
  readonly inLibrary: (file: string) => boolean;
}

/** Picked and dropped places kept across restarts, newest first; older ones drop off. */
const keptGrants = 500;

/**
 * Which paths the operations of the contract may touch: those the user gave Glowroom — picked in
 * a dialog (the system's or the in-page browser), dropped from the OS, in the library, a recent
 * project and its folder, Glowroom's own folders. Lives on the Node side and is asked by the
 * dispatcher before any service runs, so a path named by a file someone else made (a project's
 * source, a bundle's entry) is never read or written unless the user gave that place.
 *
 * A project's folder grants everything below it, except when that folder is one no producer
 * means to give whole (the home folder, the top of the disk, the folder of homes): then only
 * the project file and its Audio/ folder. Paths are checked as written and, where they exist,
 * with symbolic links resolved, so a link inside a granted folder cannot lead out of it.
 */
export class PathGrants {
  private picked: Grant[] | null = null;
  /** Grants being written; a check waits for them, so a path granted just before it is allowed. */
  private adding: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly standing: StandingGrants,
  ) {}

  /** Grants a picked or dropped place and remembers it across restarts. */
  add(grant: Grant): Promise<void> {
    const next = this.adding.then(() => this.keep(grant));
    this.adding = next.catch(() => undefined);
    return next;
  }

  private async keep(grant: Grant): Promise<void> {
    const kept = await this.kept();
    const absolute = path.resolve(grant.path);
    this.picked = [{ path: absolute, scope: grant.scope }, ...kept.filter((g) => g.path !== absolute)].slice(0, keptGrants);
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, Buffer.from(JSON.stringify(this.picked, null, 1)));
  }

  /** Whether `target` (absolute) lies in a granted place. */
  async allows(target: string): Promise<boolean> {
    await this.adding;
    const lexical = path.resolve(target);
    // The library's files were given by importing them; they are known by the paths it stored.
    if (this.standing.inLibrary(lexical)) return true;
    const grants = await this.all();
    const granted = (p: string) => grants.some((g) => covers(g, p)) || grants.some((g) => covers({ scope: g.scope, path: resolvedAsFarAsExists(g.path) }, p));
    if (!grants.some((g) => covers(g, lexical))) return false;
    const real = resolvedAsFarAsExists(lexical);
    return real === lexical || granted(real);
  }

  /** Throws a `not-allowed` error saying what to do unless `target` is granted. */
  async require(target: string, verb: string, remedy: string): Promise<void> {
    if (await this.allows(target)) return;
    throw new GlowroomError('not-allowed', `Glowroom may only ${verb} files and folders you gave it, and you have not given it ${target}. ${remedy}`);
  }

  private async all(): Promise<Grant[]> {
    const recent = await this.standing.recentProjects();
    return [
      ...this.standing.ownFolders.map((folder): Grant => ({ path: path.resolve(folder), scope: 'tree' })),
      ...recent.flatMap(projectGrants),
      ...(await this.kept()),
    ];
  }

  private async kept(): Promise<Grant[]> {
    if (this.picked) return this.picked;
    try {
      const list = JSON.parse(await fs.readFile(this.file, 'utf8')) as unknown;
      this.picked = Array.isArray(list) ? list.filter(isGrant).slice(0, keptGrants) : [];
    } catch {
      // None kept yet, or a damaged list: start afresh (the user picks again).
      this.picked = [];
    }
    return this.picked;
  }
}

function covers(grant: Grant, target: string): boolean {
  if (grant.scope === 'file') return target === grant.path;
  const relative = path.relative(grant.path, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** A recent project file grants itself and its folder (only its Audio/ folder when the folder is too broad to give whole). */
function projectGrants(file: string): Grant[] {
  const folder = path.dirname(file);
  const reach: Grant = tooBroad(folder) ? { path: path.join(folder, 'Audio'), scope: 'tree' } : { path: folder, scope: 'tree' };
  return [{ path: file, scope: 'file' }, reach];
}

/** The top of the disk, the home folder and the folder holding the homes are never given whole by a project saved there. */
export function tooBroad(folder: string): boolean {
  const resolved = path.resolve(folder);
  const home = path.resolve(os.homedir());
  return resolved === path.parse(resolved).root || resolved === home || resolved === path.dirname(home);
}

/** `target` with symbolic links resolved in the part of it that exists (a file to be written may not exist yet). */
function resolvedAsFarAsExists(target: string): string {
  let existing = target;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(realpathSync(existing), ...rest.reverse());
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return target;
      rest.push(path.basename(existing));
      existing = parent;
    }
  }
}

function isGrant(value: unknown): value is Grant {
  const v = value as Grant | null;
  return typeof v?.path === 'string' && path.isAbsolute(v.path) && (v.scope === 'file' || v.scope === 'tree');
}
