import { describe, expect, it } from 'vitest';
import { defaultInstrumentParams, drumPadCount, drumPadParams } from '../../../../src/devices/instruments/catalog';
import { paramDefaults } from '../../../../src/devices/param-spec';
import { factoryKit } from '../../../../src/model/beats/factory-kit';
import { chopLoopOntoPads, clearPadSample, loadKit, renamePad, setPadOutput, setPadParam, setPadSample } from '../../../../src/model/beats/pad-edits';
import { editPattern } from '../../../../src/model/beats/pattern-in-project';
import { createEmptyProject } from '../../../../src/model/new-project';
import { createTrack } from '../../../../src/model/new-track';
import type { DrumPad, Project } from '../../../../src/model/project-schema';
import { deepFreeze, expectValid } from '../edits/helpers';

function drumProject(): Project {
  const pad: DrumPad = { name: '', source: null, params: paramDefaults(drumPadParams), output: null };
  return deepFreeze<Project>({
    ...createEmptyProject('Pads'),
    sources: { s1: { path: '/pack/kick.wav' } },
    buses: [{ id: 'b1', name: 'Drum bus', colour: '#ffb347', channel: { gainDb: 0, pan: 0, mute: false, solo: false, soloSafe: false, inserts: [], sends: [], output: 'master' } }],
    tracks: [
      {
        ...createTrack('t1', 'Drums', 0),
        instrument: { id: 'i1', type: 'drums', params: defaultInstrumentParams('drums'), pads: Array.from({ length: drumPadCount }, () => pad) },
        clips: [{ kind: 'notes', id: 'c1', name: 'Beat', pattern: 'p1', start: 0, length: 4, offset: 0, loop: true, mute: false }],
      },
    ],
    patterns: { p1: { name: 'Beat', length: 4, notes: [], stepGrid: { division: '1/16', rowSteps: {} } } },
  });
}
const pads = (p: Project) => {
  const instrument = p.tracks[0]!.instrument;
  if (instrument?.type !== 'drums') throw new Error('no drums');
  return instrument.pads;
};

describe('drum pad edits', () => {
  it('puts a sample on a pad, reusing a source of the same file, and names the pad after it', () => {
    const p = expectValid(setPadSample(drumProject(), 't1', 0, { path: '/pack/kick.wav' }));
    expect(pads(p)[0]).toMatchObject({ source: 's1', name: 'kick' });
    const q = expectValid(setPadSample(p, 't1', 2, { path: '/pack/snare.flac', sha256: 'a'.repeat(64) }));
    const snare = pads(q)[2]!.source!;
    expect(q.sources[snare]).toEqual({ path: '/pack/snare.flac', sha256: 'a'.repeat(64) });
    expect(setPadSample(q, 't1', 2, { path: '/pack/snare.flac' })).toBe(q);
    expect(pads(expectValid(clearPadSample(q, 't1', 2)))[2]!.source).toBeNull();
  });

  it('sets pad parameters clamped to the catalog; unknown parameters change nothing', () => {
    const p = expectValid(setPadParam(drumProject(), 't1', 3, 'pitch', 40));
    expect(pads(p)[3]!.params['pitch']).toBe(24);
    const same = drumProject();
    expect(setPadParam(same, 't1', 3, 'wobble', 1)).toBe(same);
    expect(setPadParam(same, 't1', 3, 'gainDb', Number.NaN)).toBe(same);
  });

  it('renames a pad and routes it to a bus or back; an unknown bus changes nothing', () => {
    let p = expectValid(renamePad(drumProject(), 't1', 1, '  Rim  '));
    expect(pads(p)[1]!.name).toBe('Rim');
    p = expectValid(setPadOutput(p, 't1', 1, 'b1'));
    expect(pads(p)[1]!.output).toBe('b1');
    expect(setPadOutput(p, 't1', 1, 'nope')).toBe(p);
    expect(pads(setPadOutput(p, 't1', 1, null))[1]!.output).toBeNull();
  });

  it('loads a kit: samples, names and settings for every pad, the rest of the settings at defaults', () => {
    const kit = factoryKit.map((pad) => ({ name: pad.name, file: { path: `/pack/${pad.file}` }, params: pad.params }));
    const p = expectValid(loadKit(drumProject(), 't1', kit));
    expect(pads(p).map((pad) => pad.name)).toEqual(factoryKit.map((pad) => pad.name));
    expect(pads(p)[6]!.params['choke']).toBe(1);
    expect(pads(p)[8]!.params['decayMs']).toBe(60);
    expect(pads(p)[0]!.params['decayMs']).toBe(paramDefaults(drumPadParams)['decayMs']);
    // Two pads share the closed hat's file, so they share its source.
    expect(pads(p)[6]!.source).toBe(pads(p)[8]!.source);
  });

  it('chops a loop onto the pads (choking each other) and writes the pattern that replays it', () => {
    const p = expectValid(chopLoopOntoPads(drumProject(), 't1', 'p1', { path: '/pack/loop.wav', durationSeconds: 2, loopBpm: 120, cuts: [0.5, 1, 1.5] }));
    const chopped = pads(p).slice(0, 4);
    expect(chopped.map((pad) => pad.params['startMs'])).toEqual([0, 500, 1000, 1500]);
    expect(new Set(chopped.map((pad) => pad.params['choke'])).size).toBe(1);
    expect(chopped[0]!.params['choke']).not.toBe(0);
    expect(pads(p)[4]!.source).toBeNull();
    expect(p.patterns['p1']!.notes.map((n) => [n.pitch, n.start])).toEqual([[36, 0], [37, 1], [38, 2], [39, 3]]);
  });
});

describe('a pattern edited in the document', () => {
  it('replaces the pattern (every linked clip hears it) and returns the same document for no change', () => {
    const base = drumProject();
    const p = editPattern(base, 'p1', (pattern) => ({ ...pattern, length: 8 }));
    expect(p.patterns['p1']!.length).toBe(8);
    expect(p.tracks).toBe(base.tracks);
    expect(editPattern(base, 'p1', (pattern) => pattern)).toBe(base);
    expect(editPattern(base, 'nope', (pattern) => ({ ...pattern, length: 8 }))).toBe(base);
  });
});
