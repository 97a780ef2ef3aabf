import { masterChannelId, defaultTrackHeight, type Channel, type Track } from './project-schema';
import { trackColourAt } from './track-colours';

/** A channel with neutral settings: unity gain, centre, not muted, soloed or solo-safe, no inserts or sends, into the master. */
export function createChannel(): Channel {
  return { gainDb: 0, pan: 0, mute: false, solo: false, soloSafe: false, inserts: [], sends: [], output: masterChannelId };
}

/**
 * A new empty track with a neutral channel (`createChannel`), the default lane height and the
 * palette colour of a track at `index`: every edit that adds tracks builds them here, so new
 * tracks look alike whatever made them.
 */
export function createTrack(id: string, name: string, index: number): Track {
  return { id, name, colour: trackColourAt(index), height: defaultTrackHeight, channel: createChannel(), clips: [] };
}
