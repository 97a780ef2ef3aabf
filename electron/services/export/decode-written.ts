import { decodeFlac } from '../../../src/codecs/flac';
import { decodeMp3 } from '../../../src/codecs/mp3';
import { decodeWav } from '../../../src/codecs/wav';
import type { ExportFormat } from './export-job';

/** The written file's samples, decoded by the same decoders imports use. */
export async function decodeWritten(bytes: Uint8Array, format: ExportFormat): Promise<readonly Float32Array[]> {
  switch (format.kind) {
    case 'wav':
      return decodeWav(bytes, 'export').channels;
    case 'flac':
      return (await decodeFlac(bytes, 'export')).channels;
    case 'mp3':
      return (await decodeMp3(bytes, 'export')).channels;
  }
}
