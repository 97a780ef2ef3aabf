import type { SampleRow } from '../../src/protocol/ipc';
import { previewWarpOf } from './loop-timing';
import { useTransport } from './transport-store';
import { useUi } from './ui-store';

/**
 * Auditions a library row on the preview channel: a loop of known tempo in time with the song
 * (and, with Key on, in the song's key), anything else as it is.
 */
export function auditionRow(row: SampleRow): Promise<void> {
  const { keySync, preview } = useTransport.getState();
  return preview(row.path, previewWarpOf(row, keySync ? useUi.getState().songKey : null));
}
