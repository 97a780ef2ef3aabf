import { describe, expect, it } from 'vitest';
import { migrateProject, projectMigrations, projectVersionOf, type Migration } from '../../../src/model/migrations';
import { currentProjectVersion } from '../../../src/model/project-schema';
import { GlowroomError } from '../../../src/std/errors';

function errorOf(run: () => unknown): GlowroomError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GlowroomError);
    return error as GlowroomError;
  }
  throw new Error('expected a GlowroomError');
}

/** A fake history: v1 had `bpm`, v2 renamed it `tempo`, v3 added `master`. Records each call. */
function fakeChain(calls: string[]): Migration[] {
  return [
    {
      from: 1,
      to: 2,
      migrate(doc) {
        calls.push('1→2');
        const { bpm, ...rest } = doc as { bpm: number };
        return { ...rest, tempo: bpm };
      },
    },
    {
      from: 2,
      to: 3,
      migrate(doc) {
        calls.push('2→3');
        return { ...(doc as object), master: { gainDb: 0 } };
      },
    },
  ];
}

describe('migrateProject', () => {
  it('leaves a current document alone with the real (empty) list', () => {
    const doc = { format: 'glowroom', version: currentProjectVersion };
    expect(migrateProject(doc)).toBe(doc);
  });

  it('runs the steps in order from the document version to the target, stamping each version', () => {
    const calls: string[] = [];
    const result = migrateProject({ format: 'glowroom', version: 1, bpm: 93 }, fakeChain(calls), { target: 3 });
    expect(calls).toEqual(['1→2', '2→3']);
    expect(result).toEqual({ format: 'glowroom', version: 3, tempo: 93, master: { gainDb: 0 } });
    // The version keeps its place among the keys.
    expect(Object.keys(result as object)).toEqual(['format', 'version', 'tempo', 'master']);
  });

  it('starts at the document version and stops at the target', () => {
    const calls: string[] = [];
    expect(migrateProject({ version: 2, tempo: 80 }, fakeChain(calls), { target: 3 })).toEqual({ version: 3, tempo: 80, master: { gainDb: 0 } });
    expect(calls).toEqual(['2→3']);
    calls.length = 0;
    expect(migrateProject({ version: 1, bpm: 80 }, fakeChain(calls), { target: 2 })).toEqual({ version: 2, tempo: 80 });
    expect(calls).toEqual(['1→2']);
    calls.length = 0;
    const current = { version: 3 };
    expect(migrateProject(current, fakeChain(calls), { target: 3 })).toBe(current);
    expect(calls).toEqual([]);
  });

  it('refuses a list with a gap, whatever the document', () => {
    const [first, second] = fakeChain([]);
    const gap: Migration[] = [first as Migration, { ...(second as Migration), from: 3, to: 4 }];
    for (const version of [1, 4]) {
      const error = errorOf(() => migrateProject({ version }, gap, { target: 4 }));
      expect(error.code).toBe('internal');
      expect(error.message).toBe('Migration steps must form a chain: the step from 1 to 2 is followed by one from 3 to 4');
    }
  });

  it('refuses steps out of order or going backwards', () => {
    const [first, second] = fakeChain([]) as [Migration, Migration];
    expect(errorOf(() => migrateProject({ version: 1 }, [second, first], { target: 3 })).code).toBe('internal');
    expect(errorOf(() => migrateProject({ version: 1 }, [{ ...first, to: 1 }], { target: 3 })).message).toMatch(/^Bad migration step from 1 to 1/);
    expect(errorOf(() => migrateProject({ version: 1 }, [{ ...first, to: 1.5 }], { target: 3 })).code).toBe('internal');
  });

  it('refuses to reach a target the list does not lead to', () => {
    const error = errorOf(() => migrateProject({ version: 1, bpm: 1 }, fakeChain([]), { target: 4 }));
    expect(error.code).toBe('internal');
    expect(error.message).toBe('No migration step from project format version 3 (the target is version 4)');
    expect(errorOf(() => migrateProject({ version: 1, bpm: 1 }, fakeChain([]).slice(1), { target: 3 })).message).toBe(
      'No migration step from project format version 1 (the target is version 3)',
    );
  });

  it('refuses a step that jumps past the target', () => {
    const jump: Migration[] = [{ from: 1, to: 3, migrate: (doc) => doc }];
    expect(errorOf(() => migrateProject({ version: 1 }, jump, { target: 2 })).message).toBe('The migration from format version 1 to 3 goes past the target version 2');
  });

  it('refuses a document newer than the list as unsupported', () => {
    const calls: string[] = [];
    const error = errorOf(() => migrateProject({ version: 4 }, fakeChain(calls), { target: 3, label: 'Old song.glowroom' }));
    expect(error.code).toBe('unsupported');
    expect(error.message).toBe('Old song.glowroom was saved by a newer Glowroom (format version 4); this version reads up to 3. Update Glowroom to open it.');
    expect(calls).toEqual([]);
    expect(errorOf(() => migrateProject({ version: currentProjectVersion + 1 })).message).toMatch(/^The project was saved by a newer Glowroom/);
  });

  it('reports a step that fails on a malformed old file as bad-format', () => {
    const fragile: Migration[] = [{ from: 1, to: 2, migrate: (doc) => ({ tracks: (doc as { tracks: unknown[] }).tracks.map((t) => t) }) }];
    const error = errorOf(() => migrateProject({ version: 1 }, fragile, { target: 2, label: 'Old.glowroom' }));
    expect(error.code).toBe('bad-format');
    expect(error.message).toMatch(/^Old\.glowroom could not be upgraded from format version 1 to 2: /);
  });

  it('passes a GlowroomError from a step through unchanged', () => {
    const refusing: Migration[] = [{ from: 1, to: 2, migrate: () => { throw new GlowroomError('unsupported', 'v1 drum machines are gone'); } }];
    expect(errorOf(() => migrateProject({ version: 1 }, refusing, { target: 2 }))).toMatchObject({ code: 'unsupported', message: 'v1 drum machines are gone' });
  });

  it('refuses a step that returns something other than an object', () => {
    const broken: Migration[] = [{ from: 1, to: 2, migrate: () => [1, 2] }];
    expect(errorOf(() => migrateProject({ version: 1 }, broken, { target: 2 }))).toMatchObject({ code: 'internal', message: 'The migration from format version 1 to 2 returned [1,2], not an object' });
  });

  it('refuses documents that are not objects or have no usable version', () => {
    expect(errorOf(() => migrateProject([])).code).toBe('bad-format');
    expect(errorOf(() => migrateProject(null)).code).toBe('bad-format');
    expect(errorOf(() => migrateProject({})).message).toBe('The project: version is missing (it must be a positive whole number)');
    for (const version of [0, -2, 2.5, '1', null, Number.MAX_VALUE]) {
      expect(errorOf(() => migrateProject({ version })).code).toBe('bad-format');
    }
  });
});

describe('projectVersionOf', () => {
  it('reads a positive whole version', () => {
    expect(projectVersionOf({ version: 7 })).toBe(7);
    expect(errorOf(() => projectVersionOf({ version: 1.5 }, 'a.glowroom')).message).toBe('a.glowroom: version must be a positive whole number (got 1.5)');
  });
});

describe('projectMigrations', () => {
  it('is a chain from version 1 that ends at the current version', () => {
    let version = 1;
    for (const step of projectMigrations) {
      expect(step.from).toBe(version);
      expect(step.to).toBe(step.from + 1);
      version = step.to;
    }
    expect(version).toBe(currentProjectVersion);
  });
});
