/** The mixer's strips in the order it shows them: tracks top to bottom, then buses, then the master. */
import { masterChannelId, type Channel, type Device, type Project } from '../../../src/model/project-schema';
import type { ChannelKind } from '../../../src/model/edits/channel-edits';
import type { ChannelNoun } from '../../../src/model/edits/labels';
import { meteredChannels } from '../../../src/protocol/engine';
import { masterColour } from '../../../src/model/track-colours';
import { shownChannelName } from '../../../src/model/channel-names';
import { channelMeterOrder } from '../../../src/protocol/engine-document';

export interface StripInfo {
  readonly kind: ChannelKind;
  /** The track's or bus's id, or "master". */
  readonly id: string;
  readonly name: string;
  readonly colour: string;
  readonly gainDb: number;
  readonly pan: number;
  readonly inserts: readonly Device[];
  /** Mute, solo, sends and output: a track's or bus's; null for the master, which has none. */
  readonly channel: Channel | null;
  /** The channel's place in the engine's status meters; null past the last metered channel. */
  readonly meter: number | null;
}

export const nouns: Record<ChannelKind, ChannelNoun> = { track: 'Track', bus: 'Bus', master: 'Master' };

export function mixerStrips(project: Project): { tracks: StripInfo[]; buses: StripInfo[]; master: StripInfo } {
  const meters = new Map(channelMeterOrder(project).map((id, index) => [id, index]));
  const meter = (id: string) => {
    const index = meters.get(id);
    return index !== undefined && index < meteredChannels ? index : null;
  };
  const strip = (kind: 'track' | 'bus', owner: { id: string; name: string; colour: string; channel: Channel }): StripInfo => ({
    kind,
    id: owner.id,
    name: shownChannelName(kind, owner.name),
    colour: owner.colour,
    gainDb: owner.channel.gainDb,
    pan: owner.channel.pan,
    inserts: owner.channel.inserts,
    channel: owner.channel,
    meter: meter(owner.id),
  });
  return {
    tracks: project.tracks.map((track) => strip('track', track)),
    buses: project.buses.map((bus) => strip('bus', bus)),
    master: {
      kind: 'master',
      id: masterChannelId,
      name: 'Master',
      colour: masterColour,
      gainDb: project.master.gainDb,
      pan: project.master.pan,
      inserts: project.master.inserts,
      channel: null,
      meter: meter(masterChannelId),
    },
  };
}
