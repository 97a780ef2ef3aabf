import { defaultTrackHeight, type Track } from './project-schema';
import { trackColourAt } from './track-colours';

/**
 * A new empty track with neutral mixer settings (unity gain, centre, not muted or soloed), the
 * default lane height and the palette colour of a track at `index`: every edit that adds tracks
 * builds them here, so new tracks look alike whatever made them.
 */
export function createTrack(id: string, name: string, index: number): Track {
  return { id, name, colour: trackColourAt(index), height: defaultTrackHeight, gainDb: 0, pan: 0, mute: false, solo: false, clips: [] };
}
