import { exportProject } from '/work/main/electron/services/export/export-project';
import { hits, tone, writeProject } from '/work/main/tests/integration/export/export-fixtures';
const tracks = Array.from({ length: 8 }, (_, i) => (i % 2 ? { name: `Hits ${i}`, source: hits(180, 0.3, i) } : { name: `Tone ${i}`, source: tone(180, 55 * (i + 2), 0.05) }));
const p = writeProject('/tmp/bench3', 'Bench', tracks);
for (const [name, format] of [['a.mp3', { kind: 'mp3', mode: { cbrKbps: 320 } }]] as const) {
  const r = await exportProject({ projectPath: p, outPath: '/tmp/bench3/' + name, options: { range: { kind: 'song' }, format, tailSeconds: 10, normalize: { targetLufs: -14, ceilingDbtp: -1 } } });
  console.log(name, 'speed', r.speed.toFixed(1), 'x; elapsed', r.elapsed.toFixed(1), 's; passes', r.normalization?.passes, 'I', r.loudness.integratedLufs, 'TP', r.loudness.truePeakDbtp);
}
