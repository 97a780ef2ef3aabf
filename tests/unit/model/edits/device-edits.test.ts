import { describe, expect, it } from 'vitest';
import { deviceTypes, defaultParams } from '../../../../src/devices/catalog';
import { factoryPresets } from '../../../../src/devices/factory-presets';
import { RoutingLoopError } from '../../../../src/model/edits/channel-edits';
import { replaceInsertChain, setDeviceParam, setDeviceParams, setDeviceSidechain } from '../../../../src/model/edits/insert-edits';
import { createEmptyProject } from '../../../../src/model/new-project';
import { createChannel, createTrack } from '../../../../src/model/new-track';
import { serializeProject } from '../../../../src/model/parse-project';
import type { Device, Project } from '../../../../src/model/project-schema';

const eq = (id: string): Device => ({ id, type: 'eq', bypass: false, params: defaultParams('eq') });
const comp = (id: string): Device => ({ id, type: 'compressor', bypass: false, params: defaultParams('compressor') });

function project(): Project {
  const base = createEmptyProject('Devices');
  const bass = createTrack('t1', 'Bass', 0);
  const kick = createTrack('t2', 'Kick', 1);
  return {
    ...base,
    tracks: [
      { ...bass, channel: { ...bass.channel, inserts: [eq('d1'), comp('d2')], output: 'b1' } },
      { ...kick, channel: { ...kick.channel, output: 'b1' } },
    ],
    buses: [{ id: 'b1', name: 'Glue', colour: '#000000', channel: createChannel() }],
    automation: [{ target: 'd1', param: 'p2GainDb', points: [] }],
  };
}

describe('device edits', () => {
  it('sets one parameter clamped to its range; unknown ids, non-finite and equal values change nothing', () => {
    const before = project();
    const after = setDeviceParam(before, 'd1', 'p2GainDb', 40);
    expect(after.tracks[0]?.channel.inserts[0]?.params['p2GainDb']).toBe(24);
    expect(after.tracks[0]?.channel.inserts[1]).toBe(before.tracks[0]?.channel.inserts[1]);
    expect(setDeviceParam(before, 'd1', 'wobble', 1)).toBe(before);
    expect(setDeviceParam(before, 'd1', 'p2GainDb', Number.NaN)).toBe(before);
    expect(setDeviceParam(before, 'd1', 'p2GainDb', 0)).toBe(before);
    expect(setDeviceParam(before, 'nobody', 'p2GainDb', 3)).toBe(before);
  });

  it('loads every factory preset into a valid document, the parameters it does not name back at their defaults', () => {
    for (const type of deviceTypes) {
      expect(factoryPresets[type].length, type).toBeGreaterThanOrEqual(3);
      for (const preset of factoryPresets[type]) {
        const base = createEmptyProject('Preset');
        const track = createTrack('t1', 'T', 0);
        const device: Device = { id: 'd1', type, bypass: false, params: { ...defaultParams(type), ...preset.params } };
        const start: Project = { ...base, tracks: [{ ...track, channel: { ...track.channel, inserts: [{ ...device, params: { ...defaultParams(type) } }] } }] };
        const loaded = setDeviceParams(start, 'd1', preset.params);
        expect(loaded.tracks[0]?.channel.inserts[0]?.params, `${type} "${preset.name}"`).toEqual({ ...defaultParams(type), ...preset.params });
        expect(() => serializeProject(loaded)).not.toThrow();
      }
    }
    const changed = setDeviceParam(project(), 'd1', 'p4GainDb', 5);
    expect(setDeviceParams(changed, 'd1', { p2GainDb: -3 }).tracks[0]?.channel.inserts[0]?.params['p4GainDb']).toBe(0);
  });

  it('points a compressor at another channel, back at its own input, and refuses a sidechain that would loop', () => {
    const keyed = setDeviceSidechain(project(), 'd2', 't2');
    expect(keyed.tracks[0]?.channel.inserts[1]?.sidechain).toBe('t2');
    const own = setDeviceSidechain(keyed, 'd2', null);
    expect(Object.keys(own.tracks[0]?.channel.inserts[1] ?? {})).not.toContain('sidechain');
    // The bass feeds the Glue bus: listening to it would need Glue before and after the bass.
    expect(() => setDeviceSidechain(project(), 'd2', 'b1')).toThrow(RoutingLoopError);
    const before = project();
    expect(setDeviceSidechain(before, 'd1', 't2')).toBe(before); // an EQ has no sidechain
    expect(setDeviceSidechain(before, 'd2', 't1')).toBe(before); // its own channel
    expect(setDeviceSidechain(before, 'd2', 'master')).toBe(before);
  });

  it('replaces a chain with new devices and drops the removed devices’ automation', () => {
    const after = replaceInsertChain(project(), 't1', [{ type: 'reverb', bypass: true, params: { mix: 100 } }]);
    const chain = after.tracks[0]?.channel.inserts ?? [];
    expect(chain.map((device) => [device.type, device.bypass, device.params['mix']])).toEqual([['reverb', true, 100]]);
    expect(['d1', 'd2']).not.toContain(chain[0]?.id);
    expect(after.automation).toEqual([]);
    expect(() => serializeProject(after)).not.toThrow();
  });
});
