import { describe, expect, it } from 'vitest';
import { defaultInstrumentParams, drumPadCount, drumPadParams } from '../../../../src/devices/instruments/catalog';
import { paramDefaults } from '../../../../src/devices/param-spec';
import { kitPresetOf, kitSettingsOf } from '../../../../src/model/beats/kit-preset';
import { loadKit, setPadParam, setPadSample } from '../../../../src/model/beats/pad-edits';
import { createEmptyProject } from '../../../../src/model/new-project';
import { createTrack } from '../../../../src/model/new-track';
import { parsePreset, serializePreset } from '../../../../src/model/preset-file';
import type { DrumPad, Project } from '../../../../src/model/project-schema';

function drums(): Project {
  const pad: DrumPad = { name: '', source: null, params: paramDefaults(drumPadParams), output: null };
  return {
    ...createEmptyProject('Kit'),
    tracks: [{ ...createTrack('t1', 'Drums', 0), instrument: { id: 'i1', type: 'drums', params: defaultInstrumentParams('drums'), pads: Array.from({ length: drumPadCount }, () => pad) }, clips: [] }],
  };
}

describe('kit presets', () => {
  it('save a kit to a preset file and load it into another song: names, samples and settings', () => {
    let p = setPadSample(drums(), 't1', 0, { path: '/pack/kick.wav' });
    p = setPadParam(p, 't1', 0, 'pitch', -2);
    const preset = kitPresetOf(p, 't1', 'My kit')!;
    const text = serializePreset(preset);
    const read = parsePreset(text, 'kit - My kit.glowroom-preset');
    expect(read.kind).toBe('kit');
    if (read.kind !== 'kit') return;
    const loaded = loadKit(drums(), 't1', kitSettingsOf(read, new Map([['/pack/kick.wav', { path: '/pack/kick.wav' }]])));
    const pads = loaded.tracks[0]!.instrument?.type === 'drums' ? loaded.tracks[0]!.instrument.pads : [];
    expect(pads[0]).toMatchObject({ name: 'kick', params: expect.objectContaining({ pitch: -2 }) });
    expect(loaded.sources[pads[0]!.source!]?.path).toBe('/pack/kick.wav');
  });

  it('a sample not found leaves its pad empty; a kit with 15 pads or a bad setting is refused with the reason', () => {
    const preset = kitPresetOf(setPadSample(drums(), 't1', 0, { path: '/gone/kick.wav' }), 't1', 'Gone')!;
    expect(kitSettingsOf(preset, new Map())[0]).toMatchObject({ name: 'kick', file: null });
    const short = { ...preset, pads: preset.pads.slice(1) };
    expect(() => parsePreset(JSON.stringify(short), 'short.glowroom-preset')).toThrow(/damaged \(pads/);
    const loud = { ...preset, pads: preset.pads.map((pad, i) => (i === 3 ? { ...pad, params: { ...pad.params, gainDb: 99 } } : pad)) };
    expect(() => parsePreset(JSON.stringify(loud), 'loud.glowroom-preset')).toThrow(/pads\[3\]\.params\.gainDb/);
    expect(kitPresetOf(createEmptyProject('x'), 't1', 'n')).toBeNull();
  });
});
