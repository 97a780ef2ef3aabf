/**
 * Recovery files: the unsaved state of open projects, written by autosave to
 * `<dataDir>/recovery/` so that a crash loses at most the last few seconds of work. One file per
 * open project, `<key>.glowroom-recovery`: a one-line JSON header (which project, when), then the
 * project in its canonical text. The header comes first and on its own so that even when the
 * project part is damaged the app still knows which saved file to fall back to.
 */
import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseProject, serializeProject } from '../../../src/model/parse-project';
import type { Project } from '../../../src/model/project-schema';
import { GlowroomError } from '../../../src/std/errors';
import { writeFileAtomic } from '../atomic-write';
import { dataDir } from '../data-dir';
import { errnoOf } from '../fs-helpers';

export interface RecoveryMeta {
  /** The project file these changes belong to; null for a project never saved. */
  readonly originalPath: string | null;
  readonly savedAt: Date;
}

export interface Recovered extends RecoveryMeta {
  readonly key: string;
  readonly project: Project;
}

/** One recovery file found at start-up: what to offer, or why it cannot be read at all. */
export type RecoveryEntry =
  | (RecoveryMeta & { readonly key: string; readonly damaged: false; readonly name: string })
  | { readonly key: string; readonly damaged: true; readonly problem: string };

const extension = '.glowroom-recovery';
const keyPattern = /^[A-Za-z0-9-]{1,80}$/;

const HeaderSchema = z.strictObject({
  format: z.literal('glowroom-recovery'),
  version: z.literal(1),
  originalPath: z.string().min(1).nullable(),
  savedAt: z.iso.datetime(),
  name: z.string(),
});

/**
 * The key under which a project's recovery file is kept: the same for every session of a saved
 * project (so a new autosave replaces the old one), a fresh one for each untitled project.
 */
export function recoveryKeyFor(originalPath: string | null): string {
  if (originalPath === null) return `untitled-${randomUUID()}`;
  return `p-${createHash('sha256').update(path.resolve(originalPath)).digest('hex').slice(0, 32)}`;
}

export class RecoveryStore {
  /** `folder` defaults to `<dataDir>/recovery`; tests pass their own. */
  constructor(readonly folder: string = path.join(dataDir(), 'recovery')) {}

  /** Atomically replaces the recovery file for `key`. Errors: `io` (disk full, read-only). */
  async writeRecovery(key: string, project: Project, meta: RecoveryMeta): Promise<void> {
    const header = { format: 'glowroom-recovery', version: 1, originalPath: meta.originalPath, savedAt: meta.savedAt.toISOString(), name: projectNameOf(project, meta.originalPath) };
    const text = `${JSON.stringify(header)}\n${serializeProject(project)}`;
    await fs.mkdir(this.folder, { recursive: true });
    await writeFileAtomic(this.fileOf(key), Buffer.from(text, 'utf8'));
  }

  /** Every recovery file, newest first, damaged ones last; none when the folder does not exist. */
  async listRecoveries(): Promise<RecoveryEntry[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.folder);
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return [];
      throw new GlowroomError('io', `Cannot look for recovered work in ${this.folder} (${errnoOf(error) ?? String(error)}).`);
    }
    const keys = names.filter((name) => name.endsWith(extension)).map((name) => name.slice(0, -extension.length)).filter((key) => keyPattern.test(key));
    const entries = await Promise.all(keys.map((key) => this.entryOf(key)));
    const rank = (entry: RecoveryEntry) => (entry.damaged ? -Infinity : entry.savedAt.getTime());
    return entries.sort((a, b) => rank(b) - rank(a));
  }

  /**
   * The recovered project. Errors: `not-found` when there is no such file; `bad-format` when it
   * is damaged, with a message saying that the last saved project will be used instead.
   */
  async readRecovery(key: string): Promise<Recovered> {
    const { header, body } = await this.readParts(key);
    const meta = parseHeader(header);
    if (typeof meta === 'string') throw damaged(meta, null);
    const originalPath = meta.originalPath;
    try {
      return { key, originalPath, savedAt: new Date(meta.savedAt), project: parseProject(body, `The recovered copy of "${meta.name}"`) };
    } catch (error) {
      throw damaged(error instanceof Error ? error.message : String(error), originalPath);
    }
  }

  /** Deletes the recovery file for `key`; nothing happens when there is none. */
  async discardRecovery(key: string): Promise<void> {
    await fs.rm(this.fileOf(key), { force: true });
  }

  /**
   * Moves a damaged recovery file aside (`.damaged`), so it is not offered again at every start
   * yet stays on disk for anyone who wants to rescue it by hand.
   */
  async setAsideRecovery(key: string): Promise<void> {
    await fs.rename(this.fileOf(key), `${this.fileOf(key)}.damaged`).catch((error: unknown) => {
      if (errnoOf(error) !== 'ENOENT') throw error;
    });
  }

  private fileOf(key: string): string {
    if (!keyPattern.test(key)) throw new GlowroomError('invalid-args', `"${key}" is not a recovery key (letters, digits and dashes only).`);
    return path.join(this.folder, `${key}${extension}`);
  }

  private async readParts(key: string): Promise<{ header: string; body: string }> {
    const file = this.fileOf(key);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') throw new GlowroomError('not-found', `There are no recovered changes under "${key}"; they may have been discarded already.`);
      throw damaged(`it cannot be read (${errnoOf(error) ?? String(error)})`, null);
    }
    const newline = text.indexOf('\n');
    return newline < 0 ? { header: text, body: '' } : { header: text.slice(0, newline), body: text.slice(newline + 1) };
  }

  private async entryOf(key: string): Promise<RecoveryEntry> {
    try {
      const meta = parseHeader((await this.readParts(key)).header);
      if (typeof meta === 'string') return { key, damaged: true, problem: damaged(meta, null).message };
      return { key, damaged: false, originalPath: meta.originalPath, savedAt: new Date(meta.savedAt), name: meta.name };
    } catch (error) {
      return { key, damaged: true, problem: error instanceof Error ? error.message : String(error) };
    }
  }
}

/** What the user calls the project, as the app's title does: its file's name once saved, else the document's name. */
function projectNameOf(project: Project, originalPath: string | null): string {
  return originalPath === null ? project.name : path.basename(originalPath, '.glowroom');
}

/** The header, or a sentence saying what is wrong with it. */
function parseHeader(line: string): z.infer<typeof HeaderSchema> | string {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return 'its header is not valid JSON';
  }
  const result = HeaderSchema.safeParse(json);
  return result.success ? result.data : 'its header is not a Glowroom recovery header';
}

function damaged(reason: string, originalPath: string | null): GlowroomError {
  const fallback = originalPath ? `the last saved project (${originalPath}) will be used instead` : 'the last saved project will be used instead, if it was ever saved';
  return new GlowroomError('bad-format', `The recovered changes are damaged and cannot be used (${reason}); ${fallback}.`);
}
