import { describe, expect, it } from 'vitest';
import { createEmptyProject } from '../../../src/model/new-project';
import { parseProject, serializeProject } from '../../../src/model/parse-project';
import { currentProjectVersion, ProjectSchema } from '../../../src/model/project-schema';
import { GlowroomError } from '../../../src/std/errors';

describe('createEmptyProject', () => {
  it('is an untitled 120 BPM, 4/4, 48 kHz project with nothing in it and the master at 0 dB', () => {
    expect(createEmptyProject()).toEqual({
      format: 'glowroom',
      version: currentProjectVersion,
      name: 'Untitled',
      tempo: 120,
      timeSignature: [4, 4],
      sampleRate: 48_000,
      sources: {},
      tracks: [],
      buses: [],
      markers: [],
      master: { gainDb: 0, pan: 0, inserts: [] },
      automation: [],
      tempoChanges: [],
      meterChanges: [],
      swing: 50,
      patterns: {},
      key: null,
    });
  });

  it('is valid, and survives a save and a load', () => {
    const project = createEmptyProject('Sketch 7');
    expect(ProjectSchema.safeParse(project).success).toBe(true);
    expect(parseProject(serializeProject(project), 'Sketch 7.glowroom')).toEqual(project);
    expect(project.name).toBe('Sketch 7');
  });

  it('returns fresh objects every time', () => {
    const a = createEmptyProject();
    const b = createEmptyProject();
    expect(a).not.toBe(b);
    expect(a.sources).not.toBe(b.sources);
    expect(a.tracks).not.toBe(b.tracks);
    expect(a.markers).not.toBe(b.markers);
    expect(a.master).not.toBe(b.master);
    expect(a.timeSignature).not.toBe(b.timeSignature);
  });

  it('refuses a name the format cannot hold', () => {
    expect(() => createEmptyProject('x'.repeat(201))).toThrowError(GlowroomError);
    expect(createEmptyProject('x'.repeat(200)).name).toHaveLength(200);
  });
});
