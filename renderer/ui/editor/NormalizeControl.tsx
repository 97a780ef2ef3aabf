import { useEffect, useRef, useState } from 'react';
import { maxGainDb, minGainDb } from '../../../src/model/edits/clip-math';
import { runtime } from '../../state/runtime';
import type { SampleInfo } from '../../state/samples-store';
import { measureClipLoudness } from './clip-loudness';
import { normalizeGainDb, type SourceRange } from './clip-source';
import { formatDb, formatDbfs, formatLufs } from '../format';

const targets = [
  { value: 'peak:0', label: 'Peak 0 dBFS' },
  { value: 'peak:-1', label: 'Peak −1 dBFS' },
  { value: 'lufs:-14', label: 'Loudness −14 LUFS' },
  { value: 'lufs:-16', label: 'Loudness −16 LUFS' },
  { value: 'lufs:-23', label: 'Loudness −23 LUFS' },
] as const;

/**
 * Normalize the clip's part of its source to a peak (read from the stored peaks) or to a loudness
 * (BS.1770, measured on the decoded audio: integrated, or momentary max for sounds under 0.4 s).
 * Sets the clip gain; the source file is never touched.
 */
export function NormalizeControl({ info, range, peakDbfs, onGain }: { info: SampleInfo; range: SourceRange; peakDbfs: number; onGain: (gainDb: number) => void }) {
  const [target, setTarget] = useState<string>(targets[0].value);
  const [measuring, setMeasuring] = useState(false);
  const [note, setNote] = useState('');
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const apply = (wanted: number, measured: number, what: string) => {
    const gain = normalizeGainDb(measured, wanted);
    if (gain === null) return;
    // setClipGain clamps to the format's range too; clamped here to say so.
    const applied = Math.min(maxGainDb, Math.max(minGainDb, gain));
    onGain(applied);
    setNote(`${what}: gain ${formatDb(applied)}${applied !== gain ? ` (limited; ${formatDb(gain)} would be needed)` : ''}`);
  };

  const normalize = async () => {
    const [kind, level] = target.split(':');
    const wanted = Number(level);
    if (kind === 'peak') {
      apply(wanted, peakDbfs, `peak ${formatDbfs(peakDbfs)}`);
      return;
    }
    const planes = runtime().audio.samplePlanes(info.sampleId);
    if (!planes) {
      setNote('The audio is not loaded yet; try again in a moment.');
      return;
    }
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setMeasuring(true);
    setNote('Measuring loudness…');
    try {
      const loudness = await measureClipLoudness(planes, info.sampleRate, range, controller.signal);
      if (!loudness) setNote('The clip is silent: nothing to normalize.');
      else apply(wanted, loudness.lufs, `${formatLufs(loudness.lufs)} (${loudness.basis})`);
    } catch (error) {
      if (!controller.signal.aborted) setNote(`Could not measure the loudness: ${(error as Error).message}`);
    } finally {
      if (abort.current === controller) setMeasuring(false);
    }
  };

  return (
    <div className="editor-row">
      <select aria-label="Normalize to" value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
        {targets.map((t) => (
          <option key={t.value} value={t.value}>
            {t.label}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void normalize()} disabled={measuring || !Number.isFinite(peakDbfs)}>
        {measuring ? 'Measuring…' : 'Normalize'}
      </button>
      <span className="editor-unit" role="status" aria-label="Normalize result" title="Peaks are read from the stored waveform (1/127 of full scale); loudness from the decoded audio">
        {note || (Number.isFinite(peakDbfs) ? `peak ${formatDbfs(peakDbfs)}` : 'silent')}
      </span>
    </div>
  );
}
