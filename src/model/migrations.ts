/**
 * Upgrading documents saved by older Glowrooms. Every change to the project format bumps
 * `currentProjectVersion` and appends one step here that rewrites the previous version into the
 * new one; loading runs the steps in order before validation, so the schema only ever describes
 * the current version. Steps are never edited or removed once released: files of every version
 * ever saved stay readable. Documents from a newer Glowroom are refused, never guessed at.
 */
import { GlowroomError } from '../std/errors';
import { describeValue } from './issue-message';
import { upgradeV1ToV2 } from './migration-v2';
import { upgradeV2ToV3 } from './migration-v3';
import { upgradeV3ToV4 } from './migration-v4';
import { upgradeV4ToV5 } from './migration-v5';
import { upgradeV5ToV6 } from './migration-v6';
import { currentProjectVersion } from './project-schema';

export interface Migration {
  /** The format version the step reads. */
  readonly from: number;
  /** The version it produces; the runner stamps `version: to` on the result itself. */
  readonly to: number;
  /**
   * Rewrites a parsed (not yet validated) document of version `from`. It may mutate and return
   * its argument. It must tolerate malformed input; what it throws is reported as a bad file.
   */
  migrate(doc: unknown): unknown;
}

/** Oldest first, each step starting where the previous one ends. */
export const projectMigrations: readonly Migration[] = [
  { from: 1, to: 2, migrate: upgradeV1ToV2 },
  { from: 2, to: 3, migrate: upgradeV2ToV3 },
  { from: 3, to: 4, migrate: upgradeV3ToV4 },
  { from: 4, to: 5, migrate: upgradeV4ToV5 },
  { from: 5, to: 6, migrate: upgradeV5ToV6 },
];

export interface MigrateOptions {
  /** The version to reach; default `currentProjectVersion`. */
  readonly target?: number;
  /** How messages name the document, e.g. its file name; default "The project". */
  readonly label?: string;
}

/**
 * Brings `doc` (a parsed JSON object) up to the target version. Errors: `bad-format` when the
 * version is missing or not a positive whole number, or a step fails on the document;
 * `unsupported` when the document is newer than the target; `internal` when the steps are broken
 * (out of order, a gap, a step that overshoots) — a bug in Glowroom, not in the file.
 */
export function migrateProject(doc: unknown, migrations: readonly Migration[] = projectMigrations, options: MigrateOptions = {}): unknown {
  const { target = currentProjectVersion, label = 'The project' } = options;
  checkMigrations(migrations);
  if (!isRecord(doc)) throw new GlowroomError('bad-format', `${label} is not a Glowroom project (it holds ${describeValue(doc)}, not a JSON object)`);
  let version = projectVersionOf(doc, label);
  if (version > target) {
    throw new GlowroomError(
      'unsupported',
      `${label} was saved by a newer Glowroom (format version ${version}); this version reads up to ${target}. Update Glowroom to open it.`,
    );
  }
  let current: Record<string, unknown> = doc;
  while (version < target) {
    const step = migrations.find((candidate) => candidate.from === version);
    if (!step) throw new GlowroomError('internal', `No migration step from project format version ${version} (the target is version ${target})`);
    if (step.to > target) throw new GlowroomError('internal', `The migration from format version ${step.from} to ${step.to} goes past the target version ${target}`);
    let result: unknown;
    try {
      result = step.migrate(current);
    } catch (error) {
      if (error instanceof GlowroomError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new GlowroomError('bad-format', `${label} could not be upgraded from format version ${step.from} to ${step.to}: ${reason}`);
    }
    if (!isRecord(result)) throw new GlowroomError('internal', `The migration from format version ${step.from} to ${step.to} returned ${describeValue(result)}, not an object`);
    current = { ...result, version: step.to };
    version = step.to;
  }
  return current;
}

/** The document's `version`, which must be a positive whole number (`bad-format` otherwise). */
export function projectVersionOf(doc: Record<string, unknown>, label = 'The project'): number {
  if (!Object.hasOwn(doc, 'version')) throw new GlowroomError('bad-format', `${label}: version is missing (it must be a positive whole number)`);
  const version = doc['version'];
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    throw new GlowroomError('bad-format', `${label}: version must be a positive whole number (got ${describeValue(version)})`);
  }
  return version;
}

/** The list itself must be a chain: whole versions, each step forward, each starting where the last ended. */
function checkMigrations(migrations: readonly Migration[]): void {
  let previous: Migration | undefined;
  for (const step of migrations) {
    if (!Number.isSafeInteger(step.from) || !Number.isSafeInteger(step.to) || step.from < 1 || step.to <= step.from) {
      throw new GlowroomError('internal', `Bad migration step from ${step.from} to ${step.to}: versions are whole numbers and a step goes forward`);
    }
    if (previous && step.from !== previous.to) {
      throw new GlowroomError(
        'internal',
        `Migration steps must form a chain: the step from ${previous.from} to ${previous.to} is followed by one from ${step.from} to ${step.to}`,
      );
    }
    previous = step;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
