/**
 * Where each strip's levels are in the engine's shared status buffer (`src/protocol/engine.ts`
 * declares the layout): the master's peak, RMS and held peak; a track's peak and RMS by its place
 * in the track list. Buses are not metered by the engine yet, so their strips show no level
 * rather than a made-up one.
 */
import type { ChannelKind } from '../../../src/model/edits/channel-edits';
import { meteredTracks, statusSlots, trackMeterIndex } from '../../../src/protocol/engine';

type Pair = readonly [number, number];

export interface MeterSlots {
  /** Peak with a falling ballistic, left and right. */
  readonly peak: Pair;
  /** RMS over 300 ms, left and right. */
  readonly rms: Pair;
  /** The highest sample since play or the last reset, where the engine keeps it. */
  readonly hold: Pair | null;
}

/** The status-buffer indices of a strip's meters; null when the engine does not measure it. */
export function meterSlots(kind: ChannelKind, trackIndex: number): MeterSlots | null {
  if (kind === 'master') {
    return { peak: [statusSlots.peakLeft, statusSlots.peakRight], rms: [statusSlots.rmsLeft, statusSlots.rmsRight], hold: [statusSlots.peakHoldLeft, statusSlots.peakHoldRight] };
  }
  if (kind === 'bus' || trackIndex < 0 || trackIndex >= meteredTracks) return null;
  return {
    peak: [trackMeterIndex(trackIndex, 'peakLeft'), trackMeterIndex(trackIndex, 'peakRight')],
    rms: [trackMeterIndex(trackIndex, 'rmsLeft'), trackMeterIndex(trackIndex, 'rmsRight')],
    hold: null,
  };
}
