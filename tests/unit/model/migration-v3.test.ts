import { describe, expect, it } from 'vitest';
import { upgradeV2ToV3 } from '../../../src/model/migration-v3';
import { upgradeV3ToV4 } from '../../../src/model/migration-v4';
import { currentProjectVersion } from '../../../src/model/project-schema';
import { parseProject, serializeProject } from '../../../src/model/parse-project';
import { GlowroomError } from '../../../src/std/errors';
import { docsExampleV2 } from './fixtures';

const file = 'Night drive.glowroom';

type Json = Record<string, unknown>;

function v2With(change: (doc: Json, tracks: Json[]) => void): string {
  const doc = JSON.parse(docsExampleV2) as Json;
  change(doc, doc['tracks'] as Json[]);
  return JSON.stringify(doc);
}

function errorFor(text: string): GlowroomError {
  try {
    parseProject(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(GlowroomError);
    return error as GlowroomError;
  }
  throw new Error('expected parseProject to throw');
}

describe('format v2 → v3', () => {
  it('moves each track mixer fields into its channel, marks clips as audio, and adds an empty mixer', () => {
    const v2 = JSON.parse(docsExampleV2) as { tracks: ({ gainDb: number; pan: number; mute: boolean; solo: boolean; clips: object[] } & Json)[]; master: { gainDb: number } } & Json;
    const expected = {
      ...v2,
      version: 3,
      tracks: v2.tracks.map(({ gainDb, pan, mute, solo, clips, ...lane }) => ({
        ...lane,
        channel: { gainDb, pan, mute, solo, inserts: [], sends: [], output: 'master' },
        clips: clips.map((clip) => ({ kind: 'audio', ...clip })),
      })),
      buses: [],
      master: { gainDb: v2.master.gainDb, pan: 0, inserts: [] },
      automation: [],
    };
    // The file continues through the later steps to the current version.
    expect(upgradeV2ToV3(JSON.parse(docsExampleV2))).toStrictEqual({ ...expected, version: 2 });
    expect(parseProject(docsExampleV2, file)).toStrictEqual({ ...(upgradeV3ToV4(expected) as object), version: currentProjectVersion });
  });

  it('keeps the sound: gains, pans, mutes and solos land where the engine reads them', () => {
    const project = parseProject(
      v2With((_doc, tracks) => Object.assign(tracks[1] as Json, { gainDb: -12.5, pan: 0.75, mute: true, solo: true })),
      file,
    );
    expect(project.tracks[1]?.channel).toMatchObject({ gainDb: -12.5, pan: 0.75, mute: true, solo: true, output: 'master' });
    expect(project.master.gainDb).toBe(-1);
  });

  it('is saved in the current version and reads back the same', () => {
    const project = parseProject(docsExampleV2, file);
    const text = serializeProject(project);
    expect(text).toContain(`"version": ${currentProjectVersion}`);
    expect(parseProject(text, file)).toEqual(project);
  });

  it('leaves a missing or malformed part for validation to name', () => {
    expect(errorFor(v2With((_doc, tracks) => void delete (tracks[0] as Json)['gainDb'])).message).toBe(
      `${file}: tracks[0].channel.gainDb is missing (it must be a number)`,
    );
    expect(errorFor(v2With((doc) => void (doc['tracks'] = [null]))).message).toBe(`${file}: tracks[0] must be an object (got null)`);
    expect(errorFor(v2With((doc) => void (doc['master'] = 3))).message).toBe(`${file}: master must be an object (got 3)`);
    expect(upgradeV2ToV3('x')).toBe('x');
  });

  it('does not change the document it is given', () => {
    const doc = JSON.parse(docsExampleV2) as object;
    const before = JSON.stringify(doc);
    upgradeV2ToV3(doc);
    expect(JSON.stringify(doc)).toBe(before);
  });
});
