import { drumPadBasePitch } from '../../../src/devices/instruments/catalog';
import type { Project } from '../../../src/model/project-schema';
import { useTransport } from '../../state/transport-store';

/**
 * Plays what a drum pad holds, over whatever is playing, on the preview channel (the library's
 * audition): the pad's sample as it is, at the preview level.
 */
export function auditionPad(project: Project, trackId: string, pitch: number): void {
  const instrument = project.tracks.find((track) => track.id === trackId)?.instrument;
  if (instrument?.type !== 'drums') return;
  const source = instrument.pads[pitch - drumPadBasePitch]?.source;
  const path = source ? project.sources[source]?.path : undefined;
  if (path) void useTransport.getState().preview(path);
}
