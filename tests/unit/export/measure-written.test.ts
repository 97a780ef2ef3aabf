import { describe, expect, it } from 'vitest';
import { measureLoudness } from '../../../src/analysis/loudness/loudness-meter';
import { decodeWritten } from '../../../electron/services/export/decode-written';
import { encodeAudio } from '../../../electron/services/export/encoders';
import { measureWrittenMp3 } from '../../../electron/services/export/measure-written';

/** A stereo tone with a slow swell and a little noise, `seconds` long at 48 kHz. */
function tone(seconds: number): Float32Array[] {
  let state = 1;
  const noise = () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32 - 0.5;
  return [0, 1].map((c) => Float32Array.from({ length: Math.round(seconds * 48_000) }, (_, i) => 0.4 * (0.6 + 0.4 * Math.sin(i / 20_000)) * Math.sin((2 * Math.PI * (220 + 110 * c) * i) / 48_000) + 0.01 * noise()));
}

describe('measureWrittenMp3', () => {
  // 0.3 s decodes to fewer frames than are held back, so all of it is measured at the end.
  for (const seconds of [12, 0.3]) {
    it(`${seconds} s: measures, chunk by chunk, exactly what the whole decode measures (the decoder's end padding left out)`, async () => {
      const format = { kind: 'mp3', mode: { cbrKbps: 320 } } as const;
      const bytes = await encodeAudio(tone(seconds), 48_000, format, undefined);
      const whole = measureLoudness(await decodeWritten(bytes, format), 48_000);
      expect(await measureWrittenMp3(bytes, 48_000)).toEqual(whole);
      expect(whole.samplePeakDbfs).toBeGreaterThan(-20);
    });
  }
});
