import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Project } from '../../../src/model/project-schema';
import { GlowroomError } from '../../../src/std/errors';
import type { FolderSearchResult } from '../../../src/protocol/ipc';
import { writeFileAtomic } from '../atomic-write';
import { dataDir } from '../data-dir';
import { removeStaleTempsIn } from '../fs-helpers';
import type { JobRegistry, ProgressSink } from '../jobs';
import { exportBundle, openBundle } from './bundles';
import { collectProject } from './collect';
import type { MayRead } from './source-files';
import { findMovedFiles, type FolderSearchProgress, type WantedFile } from './find-moved';
import { openProject, saveProject } from './project-files';
import { ProjectViews } from './project-views';
import { RecoveryStore, recoveryKeyFor } from './recovery';
import { resolveRecovery, type RecoveryChoice } from './recovery-choice';

const recentLimit = 12;

/** A recovery file as the start-up dialog lists it. */
export type RecoveryListing =
  | { readonly key: string; readonly damaged: false; readonly name: string; readonly originalPath: string | null; readonly savedAt: string }
  | { readonly key: string; readonly damaged: true; readonly problem: string };

/**
 * Projects behind the IPC contract. The renderer works with absolute source paths; on disk,
 * sources inside the project's folder are stored relative to it (so a folder moves and travels
 * whole) and the rest stay absolute.
 */
export class ProjectService {
  private readonly recovery: RecoveryStore;
  /** How each project was last looked at (user settings keyed by project file). */
  readonly views: ProjectViews;
  /** Settles once the temporary files that interrupted writes left in the data folder are gone. */
  readonly swept: Promise<void>;

  constructor(
    private readonly jobs: JobRegistry,
    private readonly home: string = dataDir(),
  ) {
    this.recovery = new RecoveryStore(path.join(home, 'recovery'));
    this.views = new ProjectViews(path.join(home, 'project-views.json'));
    // A crash mid-write leaves a `.name.<random>.tmp` beside the recent list, the views or a recovery file.
    this.swept = Promise.all([home, path.join(home, 'recovery')].map(removeStaleTempsIn)).then(
      () => undefined,
      () => undefined,
    );
  }

  /** Opens a project; sources whose files are gone are listed so the user can relink them. */
  async open(file: string): Promise<{ project: Project; path: string; missing: { sourceId: string; path: string }[]; notes: string[] }> {
    const absolute = path.resolve(file);
    const { project, folder, notes } = await openProject(absolute);
    await this.remember(absolute);
    const resolved = withSourcePaths(project, (p) => path.resolve(folder, p));
    return { project: resolved, path: absolute, missing: await missingSources(resolved), notes: [...notes] };
  }

  /**
   * Looks for moved audio under `folder`, as a job: by content hash where known, and by name; one
   * answer per file, in order. Progress goes to `progress`; `job.cancel` stops it between files.
   */
  async findInFolder(folder: string, files: readonly WantedFile[], progress: ProgressSink): Promise<FolderSearchResult> {
    const job = this.jobs.start();
    let last: FolderSearchProgress = { done: 0, total: null, current: null, filesPerSecond: 0, etaSeconds: null };
    const send = (state: 'running' | 'finished' | 'cancelled' | 'failed') =>
      progress({ jobId: job.jobId, kind: 'folder-search', done: last.done, total: last.total, current: last.current, rate: last.filesPerSecond, etaSeconds: last.etaSeconds, state });
    try {
      const search = await findMovedFiles(folder, files, {
        signal: job.signal,
        onProgress: (p) => {
          last = p;
          send('running');
        },
      });
      last = { ...last, current: null, etaSeconds: null };
      send(search.cancelled ? 'cancelled' : 'finished');
      return { jobId: job.jobId, ...search };
    } catch (error) {
      send('failed');
      throw error;
    } finally {
      job.finish();
    }
  }

  /** Saves atomically (the previous version stays as .bak) and drops the recovery file it replaces. */
  async save(file: string, project: Project, recoveryKey: string | null): Promise<{ path: string; savedAt: string }> {
    const absolute = path.resolve(file.endsWith('.glowroom') ? file : `${file}.glowroom`);
    const folder = path.dirname(absolute);
    await saveProject(absolute, withSourcePaths(project, (p) => relativeInside(folder, p)));
    if (recoveryKey) await this.recovery.discardRecovery(recoveryKey);
    await this.remember(absolute);
    return { path: absolute, savedAt: new Date().toISOString() };
  }

  /** Writes the saved project `projectFile` and all its audio, each file given by the user (`mayRead`), as one bundle at `outZip`. */
  async exportBundle(projectFile: string, outZip: string, mayRead: MayRead): Promise<{ path: string }> {
    const out = path.resolve(outZip.endsWith('.zip') ? outZip : `${outZip}.glowroom.zip`);
    await exportBundle(path.resolve(projectFile), out, mayRead);
    return { path: out };
  }

  /** Unpacks a bundle into a new folder inside `intoFolder` and opens the project in it. */
  async openBundle(zipFile: string, intoFolder: string): Promise<{ project: Project; path: string; missing: { sourceId: string; path: string }[]; notes: string[] }> {
    const projectFile = await openBundle(path.resolve(zipFile), path.resolve(intoFolder));
    return this.open(projectFile);
  }

  /** Collect and Save: the saved project's audio, each file given by the user (`mayRead`), is copied into its Audio/ folder and the project saved. */
  async collect(projectFile: string, mayRead: MayRead): Promise<{ path: string; copied: string[] }> {
    const absolute = path.resolve(projectFile);
    const { copied } = await collectProject(absolute, mayRead);
    await this.remember(absolute);
    return { path: absolute, copied: [...copied] };
  }

  async recent(): Promise<{ paths: string[] }> {
    try {
      const list = JSON.parse(await fs.readFile(this.recentFile(), 'utf8')) as unknown;
      return { paths: Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string').slice(0, recentLimit) : [] };
    } catch {
      // No list yet, or an unreadable one: start a new one rather than block opening files.
      return { paths: [] };
    }
  }

  /** Writes the unsaved document where a crash cannot take it; returns the key to use next time. */
  async writeRecovery(key: string | null, project: Project, originalPath: string | null): Promise<{ key: string }> {
    const useKey = key ?? recoveryKeyFor(originalPath);
    await this.recovery.writeRecovery(useKey, project, { originalPath, savedAt: new Date() });
    return { key: useKey };
  }

  /** Drops the recovery file under `key` (the document is back to its saved state, or its changes were let go). */
  async discardRecovery(key: string): Promise<void> {
    await this.recovery.discardRecovery(key);
  }

  async recoveries(): Promise<{ entries: RecoveryListing[] }> {
    const entries = await this.recovery.listRecoveries();
    return {
      entries: entries.map((entry) =>
        entry.damaged ? entry : { key: entry.key, damaged: false, name: entry.name, originalPath: entry.originalPath, savedAt: entry.savedAt.toISOString() },
      ),
    };
  }

  async resolveRecovery(key: string, choice: RecoveryChoice): Promise<{ project: Project | null; path: string | null; unsaved: boolean; notice: string | null; recoveryKey: string | null }> {
    const entry = (await this.recovery.listRecoveries()).find((e) => e.key === key);
    if (!entry) throw new GlowroomError('not-found', 'That recovered work is gone (another window may have handled it).');
    const outcome = await resolveRecovery(this.recovery, entry, choice);
    const folder = outcome.file ? path.dirname(outcome.file) : null;
    const project = outcome.project && folder ? withSourcePaths(outcome.project, (p) => path.resolve(folder, p)) : outcome.project;
    return { project, path: outcome.file, unsaved: outcome.unsaved, notice: outcome.notice, recoveryKey: outcome.unsaved ? key : null };
  }

  private recentFile(): string {
    return path.join(this.home, 'recent-projects.json');
  }

  private async remember(file: string): Promise<void> {
    const { paths } = await this.recent();
    const next = [file, ...paths.filter((p) => p !== file)].slice(0, recentLimit);
    await fs.mkdir(this.home, { recursive: true });
    await writeFileAtomic(this.recentFile(), Buffer.from(JSON.stringify(next, null, 2)));
  }
}

async function missingSources(project: Project): Promise<{ sourceId: string; path: string }[]> {
  const checks = await Promise.all(
    Object.entries(project.sources).map(async ([sourceId, source]) => {
      try {
        await fs.access(source.path);
        return null;
      } catch {
        return { sourceId, path: source.path };
      }
    }),
  );
  return checks.filter((c): c is { sourceId: string; path: string } => c !== null);
}

function withSourcePaths(project: Project, map: (sourcePath: string) => string): Project {
  const sources = Object.fromEntries(Object.entries(project.sources).map(([id, source]) => [id, { ...source, path: map(source.path) }]));
  return { ...project, sources };
}

/** `file` relative to `folder` with forward slashes when it lies inside it; else unchanged. */
function relativeInside(folder: string, file: string): string {
  if (!path.isAbsolute(file)) return file;
  const relative = path.relative(folder, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return file;
  return relative.split(path.sep).join('/');
}
