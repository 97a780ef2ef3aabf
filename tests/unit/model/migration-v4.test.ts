import { describe, expect, it } from 'vitest';
import { upgradeV3ToV4 } from '../../../src/model/migration-v4';
import { migrateProject } from '../../../src/model/migrations';
import { parseProject, serializeProject } from '../../../src/model/parse-project';
import { currentProjectVersion, ProjectSchema } from '../../../src/model/project-schema';
import { GlowroomError } from '../../../src/std/errors';
import { docsExampleV1 } from './fixtures';

const file = 'Night drive.glowroom';

type Json = Record<string, unknown>;

/** The docs' version 1 example brought to version 3 by the earlier steps: a real v3 document. */
function v3(): Json {
  return migrateProject(JSON.parse(docsExampleV1), undefined, { target: 3 }) as Json;
}

/** A v3 document with a bus, so buses' channels are upgraded too. */
function v3WithBus(): Json {
  const doc = v3();
  doc['buses'] = [{ id: 'b1', name: 'Verb', colour: '#3ec7c2', channel: { gainDb: -6, pan: 0, mute: false, solo: true, inserts: [], sends: [], output: 'master' } }];
  return doc;
}

describe('format v3 → v4', () => {
  it('adds the empty timing and notes fields, solo-safe off on every channel, no pitch shift on every clip, and no instrument', () => {
    const before = v3WithBus() as { tracks: { channel: Json; clips: Json[] }[]; buses: { channel: Json }[] } & Json;
    const after = upgradeV3ToV4(before) as typeof before;
    expect(after).toStrictEqual({
      ...before,
      tracks: before.tracks.map((track) => ({ ...track, channel: { ...track.channel, soloSafe: false }, clips: track.clips.map((clip) => ({ ...clip, transpose: 0, detune: 0 })) })),
      buses: before.buses.map((bus) => ({ ...bus, channel: { ...bus.channel, soloSafe: false } })),
      tempoChanges: [],
      meterChanges: [],
      swing: 50,
      patterns: {},
      key: null,
    });
    for (const track of after.tracks) {
      expect(track).not.toHaveProperty('instrument');
      for (const clip of track.clips) expect(Object.keys(clip)).not.toEqual(expect.arrayContaining(['warp']));
    }
    expect(ProjectSchema.safeParse(migrateProject({ ...after, version: 4 })).success).toBe(true);
  });

  it('keeps the sound: every v3 field keeps its value', () => {
    const before = v3();
    const project = parseProject(JSON.stringify(before), file);
    const clips = project.tracks.flatMap((track) => track.clips);
    expect(clips.map((clip) => (clip.kind === 'audio' ? [clip.rate, clip.reverse, clip.transpose, clip.detune, clip.warp] : null))).toEqual([
      [1, false, 0, 0, undefined],
      [0.75, false, 0, 0, undefined],
      [1.5, true, 0, 0, undefined],
    ]);
    expect(project.tracks.map((track) => [track.channel.gainDb, track.channel.pan, track.channel.soloSafe])).toEqual([
      [-3, 0, false],
      [-6.5, -0.35, false],
    ]);
    expect(project.tempo).toBe(92);
  });

  it('reads a version 1 file through the whole chain and saves it as the current version', () => {
    const project = parseProject(docsExampleV1, file);
    expect(project.version).toBe(currentProjectVersion);
    const text = serializeProject(project);
    expect(text).toContain(`"version": ${currentProjectVersion}`);
    expect(text).toContain('"soloSafe": false');
    expect(parseProject(text, file)).toEqual(project);
  });

  it('leaves a missing or malformed part for validation to name', () => {
    const noChannel = v3();
    delete ((noChannel['tracks'] as Json[])[0] as Json)['channel'];
    expect(() => parseProject(JSON.stringify(noChannel), file)).toThrow(`${file}: tracks[0].channel is missing (it must be an object)`);
    const badClips = v3();
    ((badClips['tracks'] as Json[])[0] as Json)['clips'] = [7];
    expect(() => parseProject(JSON.stringify(badClips), file)).toThrow(`${file}: tracks[0].clips[0] must be an object (got 7)`);
    const badBuses = { ...v3(), buses: 'none' };
    expect(() => parseProject(JSON.stringify(badBuses), file)).toThrow(GlowroomError);
    expect(upgradeV3ToV4('x')).toBe('x');
    expect(upgradeV3ToV4({ ...v3(), tracks: 3 })).toMatchObject({ tracks: 3, swing: 50 });
  });

  it('does not change the document it is given', () => {
    const doc = v3WithBus();
    const before = JSON.stringify(doc);
    upgradeV3ToV4(doc);
    expect(JSON.stringify(doc)).toBe(before);
  });
});
