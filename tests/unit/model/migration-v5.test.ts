import { describe, expect, it } from 'vitest';
import { upgradeV4ToV5 } from '../../../src/model/migration-v5';
import { migrateProject } from '../../../src/model/migrations';
import { parseProject, serializeProject } from '../../../src/model/parse-project';
import { currentProjectVersion, ProjectSchema } from '../../../src/model/project-schema';
import { docsExampleV1 } from './fixtures';

const file = 'Night drive.glowroom';

type Json = Record<string, unknown>;

/** The docs' version 1 example brought to version 4 by the earlier steps, with a take group and a note clip: a real v4 document. */
function v4(): Json {
  return migrateProject(JSON.parse(docsExampleV1), undefined, { target: 4 }) as Json;
}

describe('format v4 → v5', () => {
  it('changes nothing but the version: a v4 document means the same in v5 (no note takes, monitoring off, no punch range)', () => {
    const before = v4();
    const copy = structuredClone(before);
    expect(upgradeV4ToV5(before)).toBe(before);
    expect(before).toStrictEqual(copy);
    const after = migrateProject(before, undefined, { target: 5 }) as Json;
    expect(after).toStrictEqual({ ...copy, version: 5 });
    expect(ProjectSchema.safeParse(migrateProject(after)).success).toBe(true);
    const project = parseProject(JSON.stringify(copy), file);
    expect(project.punch).toBeUndefined();
    for (const track of project.tracks) expect(track.monitor).toBeUndefined();
  });

  it('saves an upgraded v4 file as the current version without the new optional fields', () => {
    const text = serializeProject(parseProject(JSON.stringify(v4()), file));
    expect(text).toContain(`"version": ${currentProjectVersion}`);
    expect(text).not.toContain('"punch"');
    expect(text).not.toContain('"monitor"');
  });

  it('a v4 file cannot carry the v5 fields: they are refused by name once upgraded only where the schema refuses them', () => {
    const withMonitorOnInstrument = v4();
    const tracks = withMonitorOnInstrument['tracks'] as Json[];
    tracks[0] = { ...(tracks[0] as Json), instrument: { id: 'i9', type: 'synth', params: {} }, monitor: 'in', clips: [] };
    expect(() => parseProject(JSON.stringify(withMonitorOnInstrument), file)).toThrow(/tracks\[0\]/);
  });
});
