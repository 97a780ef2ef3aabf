import { describe, expect, it } from 'vitest';
import { describeDeviceFault, describeSafetyTrip, insertFaulted, emptyChannelMeter, meterChannelOf, readChannelMeter } from '../../../renderer/audio/channel-meters';
import { createEmptyProject } from '../../../src/model/new-project';
import { createChannel, createTrack } from '../../../src/model/new-track';
import { channelMeterIndex, createStatusBuffer, safetyReasons, statusSlots } from '../../../src/protocol/engine';

const bass = createTrack('t2', 'Bass', 1);
const limiter = { id: 'd1', type: 'limiter', bypass: false, params: { ceilingDb: -1, releaseMs: 50 } } as const;
const project = {
  ...createEmptyProject('Meters'),
  tracks: [createTrack('t1', 'Drums', 0), { ...bass, channel: { ...bass.channel, inserts: [{ ...limiter, id: 'd0', type: 'utility' as const }, limiter] } }],
  buses: [{ id: 'b1', name: 'Reverb', colour: '#000000', channel: createChannel() }],
};

describe('channel meters in the status buffer', () => {
  it('finds each channel by the one meter order the engine writes in: master, tracks, buses', () => {
    expect(['master', 't1', 't2', 'b1', 'nope'].map((id) => meterChannelOf(project, id))).toEqual([0, 1, 2, 3, -1]);
    const status = new Float64Array(createStatusBuffer());
    status[channelMeterIndex(3, 'peakRight')] = 0.5;
    status[channelMeterIndex(3, 'gainReductionDb')] = -4;
    expect(readChannelMeter(status, 3, emptyChannelMeter())).toMatchObject({ peakRight: 0.5, gainReductionDb: -4, peakLeft: 0 });
  });

  it('says which channel made the safety stage trip', () => {
    const status = new Float64Array(createStatusBuffer());
    expect(describeSafetyTrip(status, project)).toBeNull();
    status[statusSlots.safetyTrips] = 1;
    status[statusSlots.safetyChannel] = 2;
    status[statusSlots.safetyReason] = safetyReasons.notANumber;
    expect(describeSafetyTrip(status, project)?.message).toBe(
      '“Bass” produced invalid samples (NaN or Infinity), so the output was muted for a moment to protect your ears. Check that channel\u2019s effects.'.replace('\u2019', "'"),
    );
  });

  it('reads which inserts of a channel the guard switched off', () => {
    const status = new Float64Array(createStatusBuffer());
    status[channelMeterIndex(2, 'faultedInserts')] = 0b101;
    expect([0, 1, 2, 3].map((index) => insertFaulted(status, 2, index))).toEqual([true, false, true, false]);
    expect(insertFaulted(status, 1, 0)).toBe(false);
  });

  it('names the device the guard switched off and its channel', () => {
    const status = new Float64Array(createStatusBuffer());
    expect(describeDeviceFault(status, project)).toBeNull();
    status[statusSlots.deviceFaults] = 2;
    status[statusSlots.deviceFaultChannel] = 2;
    status[statusSlots.deviceFaultInsert] = 1;
    expect(describeDeviceFault(status, project)).toEqual({
      faults: 2,
      message: 'Limiter on “Bass” produced invalid audio and was switched off. Check its settings, then bypass it and turn it back on.',
    });
  });
});
