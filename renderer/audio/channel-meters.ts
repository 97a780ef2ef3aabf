import { deviceCatalog } from '../../src/devices/catalog';
import { channelMeterIndex, guardedInsertBits, masterMeterChannel, safetyReasons, statusSlots } from '../../src/protocol/engine';
import { channelMeterOrder } from '../../src/protocol/engine-document';
import type { Project } from '../../src/model/project-schema';

/** One channel's meter readings, linear amplitude (1 = 0 dBFS), as the engine last wrote them. */
export interface ChannelMeter {
  peakLeft: number;
  peakRight: number;
  rmsLeft: number;
  rmsRight: number;
  peakHoldLeft: number;
  peakHoldRight: number;
  /** dB, ≤ 0. */
  gainReductionDb: number;
}

/** Fills `into` with the meters of channel `channel` (meter order: see `channelMeterOrder`); views call this on animation frames. */
export function readChannelMeter(status: Float64Array, channel: number, into: ChannelMeter): ChannelMeter {
  into.peakLeft = status[channelMeterIndex(channel, 'peakLeft')] ?? 0;
  into.peakRight = status[channelMeterIndex(channel, 'peakRight')] ?? 0;
  into.rmsLeft = status[channelMeterIndex(channel, 'rmsLeft')] ?? 0;
  into.rmsRight = status[channelMeterIndex(channel, 'rmsRight')] ?? 0;
  into.peakHoldLeft = status[channelMeterIndex(channel, 'peakHoldLeft')] ?? 0;
  into.peakHoldRight = status[channelMeterIndex(channel, 'peakHoldRight')] ?? 0;
  into.gainReductionDb = status[channelMeterIndex(channel, 'gainReductionDb')] ?? 0;
  return into;
}

/** Whether the device guard has switched off insert `index` of channel `channel` (it produced invalid audio). */
export function insertFaulted(status: Float64Array, channel: number, index: number): boolean {
  return index < guardedInsertBits && ((status[channelMeterIndex(channel, 'faultedInserts')] ?? 0) & (1 << index)) !== 0;
}

/** The master's meters. */
export function readMasterMeter(status: Float64Array, into: ChannelMeter): ChannelMeter {
  return readChannelMeter(status, masterMeterChannel, into);
}

/** The meter index of a track, bus or the master ("master") in `project`; −1 if it has none. */
export function meterChannelOf(project: Pick<Project, 'tracks' | 'buses'>, channelId: string): number {
  return channelMeterOrder(project).indexOf(channelId);
}

/** A fresh set of readings to fill. */
export function emptyChannelMeter(): ChannelMeter {
  return { peakLeft: 0, peakRight: 0, rmsLeft: 0, rmsRight: 0, peakHoldLeft: 0, peakHoldRight: 0, gainReductionDb: 0 };
}

/**
 * What the output safety stage did, in words for the status line: null until it has tripped.
 * Names the channel at fault (a track, bus or the master) from the project's meter order.
 */
export function describeSafetyTrip(status: Float64Array, project: Pick<Project, 'tracks' | 'buses'>): { trips: number; message: string } | null {
  const trips = status[statusSlots.safetyTrips] ?? 0;
  if (trips === 0) return null;
  const index = status[statusSlots.safetyChannel] ?? -1;
  const id = index >= 0 ? channelMeterOrder(project)[index] : undefined;
  const name = id === undefined ? undefined : id === 'master' ? 'the master' : `“${[...project.tracks, ...project.buses].find((c) => c.id === id)?.name || id}”`;
  const why = status[statusSlots.safetyReason] === safetyReasons.notANumber ? 'produced invalid samples (NaN or Infinity)' : 'went far above 0 dBFS';
  const what = name ? `${name} ${why}` : `The mix ${why}`;
  return { trips, message: `${what}, so the output was muted for a moment to protect your ears. Check that channel's effects.` };
}

/**
 * The device guard's last report, in words for the status line: null until it has switched a
 * device off. Names the device (its catalog name) and its channel from the project.
 */
export function describeDeviceFault(status: Float64Array, project: Pick<Project, 'tracks' | 'buses' | 'master'>): { faults: number; message: string } | null {
  const faults = status[statusSlots.deviceFaults] ?? 0;
  if (faults === 0) return null;
  const id = channelMeterOrder(project)[status[statusSlots.deviceFaultChannel] ?? -1];
  const channels = [
    { id: 'master', name: 'the master', inserts: project.master.inserts },
    ...[...project.tracks, ...project.buses].map((c) => ({ id: c.id, name: `“${c.name || c.id}”`, inserts: c.channel.inserts })),
  ];
  const channel = channels.find((c) => c.id === id);
  const device = channel?.inserts[status[statusSlots.deviceFaultInsert] ?? -1];
  const what = device ? deviceCatalog[device.type].name : 'An effect';
  const where = channel ? ` on ${channel.name}` : '';
  return { faults, message: `${what}${where} produced invalid audio and was switched off. Check its settings, then bypass it and turn it back on.` };
}
