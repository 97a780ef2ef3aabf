import { describe, expect, it } from 'vitest';
import { upgradeV1ToV2 } from '../../../src/model/migration-v2';
import { migrateProject } from '../../../src/model/migrations';
import { currentProjectVersion } from '../../../src/model/project-schema';
import { parseProject, serializeProject } from '../../../src/model/parse-project';
import { trackPalette } from '../../../src/model/track-colours';
import { GlowroomError } from '../../../src/std/errors';
import { docsExampleV1 } from './fixtures';

const file = 'Night drive.glowroom';

function errorFor(text: string): GlowroomError {
  try {
    parseProject(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(GlowroomError);
    return error as GlowroomError;
  }
  throw new Error('expected parseProject to throw');
}

type Json = Record<string, unknown>;

/** The v1 example as JSON text, after `change` edited the document or its tracks. */
function v1With(change: (doc: Json, tracks: Json[]) => void): string {
  const doc = JSON.parse(docsExampleV1) as Json;
  change(doc, doc['tracks'] as Json[]);
  return JSON.stringify(doc);
}

describe('format v1 → v2', () => {
  it('upgrades the version 1 example of the docs, through every later step, to a valid current project with the documented defaults', () => {
    const project = parseProject(docsExampleV1, file);
    expect(project.version).toBe(currentProjectVersion);
    expect(project.markers).toEqual([]);
    expect(project.tracks.map((track) => [track.colour, track.height])).toEqual([
      [trackPalette[0], 72],
      [trackPalette[1], 72],
    ]);
    const clips = project.tracks.flatMap((track) => track.clips);
    expect(clips).toHaveLength(3);
    for (const clip of clips) expect([clip.name, clip.mute]).toEqual(['', false]);
    for (const source of Object.values(project.sources)) expect(source).not.toHaveProperty('sha256');
  });

  it('keeps every version 1 field as it was and adds only the new ones', () => {
    const v1 = JSON.parse(docsExampleV1) as { tracks: { clips: object[] }[] };
    const expected = {
      ...v1,
      version: 2,
      tracks: v1.tracks.map((track, i) => ({ ...track, colour: trackPalette[i], height: 72, clips: track.clips.map((clip) => ({ ...clip, name: '', mute: false })) })),
      markers: [],
    };
    expect(migrateProject(JSON.parse(docsExampleV1), undefined, { target: 2 })).toStrictEqual(expected);
  });

  it('is saved as the current version and reads back the same', () => {
    const project = parseProject(docsExampleV1, file);
    const text = serializeProject(project);
    expect(text).toContain(`"version": ${currentProjectVersion}`);
    expect(parseProject(text, file)).toEqual(project);
  });

  it('colours tracks by their index, cycling through the palette', () => {
    const text = v1With((doc, [first]) => {
      doc['tracks'] = Array.from({ length: trackPalette.length + 2 }, (_, i) => ({ ...first, id: `t${i}`, clips: [] }));
    });
    const colours = parseProject(text, file).tracks.map((track) => track.colour);
    expect(colours).toEqual([...trackPalette, trackPalette[0], trackPalette[1]]);
  });

  it('still names a bad version 1 value by its JSON path', () => {
    const text = v1With((_doc, tracks) => {
      ((tracks[1]?.['clips'] as Json[])[1] as Json)['length'] = -1;
    });
    expect(errorFor(text).message).toBe(`${file}: tracks[1].clips[1].length must be a positive number (got -1)`);
  });

  it('leaves a field the file already has for validation to judge', () => {
    const text = v1With((_doc, tracks) => {
      (tracks[0] as Json)['colour'] = 'red';
    });
    expect(errorFor(text).message).toBe(`${file}: tracks[0].colour must be a colour "#rrggbb" in lowercase hex (got "red")`);
  });

  it('leaves malformed parts alone, so validation names them', () => {
    expect(errorFor(v1With((doc) => void (doc['tracks'] = [null]))).message).toBe(`${file}: tracks[0] must be an object (got null)`);
    expect(errorFor(v1With((doc) => void (doc['tracks'] = 'none'))).message).toBe(`${file}: tracks must be an array (got "none")`);
    expect(errorFor(v1With((_doc, tracks) => void ((tracks[0] as Json)['clips'] = [7]))).message).toBe(
      `${file}: tracks[0].clips[0] must be an object (got 7)`,
    );
    expect(upgradeV1ToV2([1])).toEqual([1]);
  });

  it('does not change the document it is given', () => {
    const doc = JSON.parse(docsExampleV1) as object;
    const before = JSON.stringify(doc);
    upgradeV1ToV2(doc);
    expect(JSON.stringify(doc)).toBe(before);
  });
});
