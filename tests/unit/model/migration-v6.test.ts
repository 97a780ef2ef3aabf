import { describe, expect, it } from 'vitest';
import { upgradeV5ToV6 } from '../../../src/model/migration-v6';
import { migrateProject } from '../../../src/model/migrations';
import { parseProject, serializeProject } from '../../../src/model/parse-project';
import { ProjectSchema } from '../../../src/model/project-schema';
import { docsExampleV1 } from './fixtures';

const file = 'Night drive.glowroom';

type Json = Record<string, unknown>;

/** The docs' version 1 example brought to version 5 by the earlier steps, with a punch range: a real v5 document. */
function v5(): Json {
  const doc = migrateProject(JSON.parse(docsExampleV1), undefined, { target: 5 }) as Json;
  return { ...doc, punch: { start: 4, end: 8, on: false } };
}

describe('format v5 → v6', () => {
  it('changes nothing but the version: a v5 document means the same in v6 (no loop range)', () => {
    const before = v5();
    const copy = structuredClone(before);
    expect(upgradeV5ToV6(before)).toBe(before);
    expect(before).toStrictEqual(copy);
    const after = migrateProject(before) as Json;
    expect(after).toStrictEqual({ ...copy, version: 6 });
    expect(ProjectSchema.safeParse(after).success).toBe(true);
    const project = parseProject(JSON.stringify(copy), file);
    expect(project.loop).toBeUndefined();
    expect(project.punch).toEqual({ start: 4, end: 8, on: false });
  });

  it('saves an upgraded v5 file as version 6 without a loop range; a loop range then survives a save', () => {
    const project = parseProject(JSON.stringify(v5()), file);
    const text = serializeProject(project);
    expect(text).toContain('"version": 6');
    expect(text).not.toContain('"loop": {');
    const looped = parseProject(serializeProject({ ...project, loop: { start: 8, end: 12, on: true } }), file);
    expect(looped.loop).toEqual({ start: 8, end: 12, on: true });
  });

  it('refuses a loop range that ends before it starts, by name', () => {
    const bad = { ...v5(), version: 6, loop: { start: 8, end: 4, on: true } };
    expect(() => parseProject(JSON.stringify(bad), file)).toThrow(/loop/);
  });
});
