import type { ExportReport } from '../../../src/protocol/ipc';

const db = (value: number | null, unit: string) => (value === null ? '—' : `${value.toFixed(1).replace('-', '−')} ${unit}`);

/** What the written file measures, and what each platform will do with it. */
export function LoudnessReport({ report }: { report: ExportReport }) {
  const { loudness, normalization } = report;
  return (
    <section className="loudness-report" aria-label="Loudness report">
      <h3>Loudness of the written file</h3>
      <dl>
        <dt>Integrated</dt>
        <dd>{db(loudness.integratedLufs, 'LUFS')}</dd>
        <dt>Loudness range</dt>
        <dd>{loudness.loudnessRangeLu.toFixed(1)} LU</dd>
        <dt>Short-term max</dt>
        <dd>{db(loudness.shortTermMaxLufs, 'LUFS')}</dd>
        <dt>True peak</dt>
        <dd>{db(loudness.truePeakDbtp, 'dBTP')}</dd>
        <dt>PLR</dt>
        <dd>{db(loudness.plrDb, 'dB')}</dd>
      </dl>
      {normalization && (
        <p className={normalization.onTarget ? 'on-target' : 'off-target'}>
          {normalization.onTarget ? 'On target' : 'Off target'}: {normalization.targetLufs} LUFS, ceiling {normalization.ceilingDbtp} dBTP (gain{' '}
          {normalization.gainDb.toFixed(1)} dB, limiter {normalization.limiterDb.toFixed(1)} dB).
        </p>
      )}
      <ul className="platforms">
        {report.platforms.map((p) => (
          <li key={p.platform}>{p.sentence}</li>
        ))}
      </ul>
      {report.warnings.map((w) => (
        <p key={w} className="warning" role="note">
          {w}
        </p>
      ))}
      <p className="export-speed">
        {report.duration.toFixed(1)} s of audio at {report.sampleRate} Hz, written {report.speed.toFixed(0)}× faster than realtime.
      </p>
    </section>
  );
}
