import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { decodeAudio } from './src/codecs/decode';
const root = '/work/shared/fixtures/sample-pack/';
const files = readdirSync(root, { recursive: true }).map(String).filter((f) => /\.\w+$/.test(f) && !f.endsWith('.txt') && !f.startsWith('_broken')).sort();
for (const f of files) {
  const a = await decodeAudio(new Uint8Array(readFileSync(root + f)), f);
  const lossy = a.encoding === 'lossy';
  const ch = a.channels.length;
  const tool = lossy ? ['ffmpeg', ['-v', 'error', '-i', root + f, '-f', 'f32le', '-']] as const : ['sox', [root + f, '-t', 'f32', '-']] as const;
  const buf = execFileSync(tool[0], [...tool[1]], { maxBuffer: 1 << 30 });
  const ref = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
  const frames = ref.length / ch;
  let peak = 0; for (const v of ref) peak = Math.max(peak, Math.abs(v));
  const peakDb = Math.round(20 * Math.log10(peak) * 100) / 100;
  const soxi = (o: string) => execFileSync('soxi', [o, root + f]).toString().trim();
  const common = `rate: ${Number(soxi('-r')).toLocaleString('en').replace(/,/g, '_')}, channels: ${soxi('-c')}, frames: ${frames.toLocaleString('en').replace(/,/g, '_')}, peakDb: ${peakDb}`;
  if (!lossy) {
    const hash = createHash('sha256').update(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)).digest('hex').slice(0, 16);
    console.log(`  ['${f}', { format: '${a.format}', bitDepth: ${a.bitDepth}, encoding: '${a.encoding}', ${common}, sox: '${hash}' }],`);
  } else {
    let at = 0; for (let i = 0; i < frames; i++) if (Math.abs(ref[i * ch]!) > Math.abs(ref[at * ch]!)) at = i;
    const idx = [...new Set([0, 1, 2, 3, 4, 5, 6].map((k) => Math.floor((frames * (k + 0.5)) / 7)).concat([at, at + 1]))].filter((i) => i < frames).sort((x, y) => x - y);
    const vals = idx.map((i) => `[${i}, ${Number(ref[i * ch]!.toPrecision(6))}]`).join(', ');
    console.log(`  ['${f}', { format: '${a.format}', bitDepth: 0, encoding: 'lossy', ${common}, ffmpeg: [${vals}] }],`);
  }
}
