import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { decodeAudio } from './src/codecs/decode';
const root = '/work/shared/fixtures/sample-pack/';
const files = [...readdirSync(root, { recursive: true }).map(String).filter((f) => /\.\w+$/.test(f) && !f.endsWith('.txt') && !f.startsWith('_broken')).map((f) => root + f), ...process.argv.slice(2)];
const interleave = (ch: readonly Float32Array[]) => { const n = ch[0]!.length, c = ch.length, out = new Float32Array(n * c); for (let i = 0; i < n; i++) for (let k = 0; k < c; k++) out[i * c + k] = ch[k]![i]!; return out; };
for (const f of files.sort()) {
  const t = performance.now();
  const a = await decodeAudio(new Uint8Array(readFileSync(f)), f);
  const ms = performance.now() - t;
  const ours = interleave(a.channels);
  const lossy = a.encoding === 'lossy';
  const tool = lossy ? ['ffmpeg', ['-v', 'error', '-i', f, '-f', 'f32le', '-']] as const : ['sox', [f, '-t', 'f32', '-']] as const;
  const refBuf = execFileSync(tool[0], [...tool[1]], { maxBuffer: 1 << 30 });
  const ref = new Float32Array(refBuf.buffer, refBuf.byteOffset, refBuf.byteLength / 4);
  let maxDiff = 0, n = Math.min(ref.length, ours.length);
  for (let i = 0; i < n; i++) maxDiff = Math.max(maxDiff, Math.abs(ref[i]! - ours[i]!));
  const h = (x: Float32Array) => createHash('sha256').update(new Uint8Array(x.buffer, x.byteOffset, x.byteLength)).digest('hex').slice(0, 16);
  console.log(f.replace(root, '').padEnd(36), tool[0], 'len', ours.length, ref.length, 'maxDiff', maxDiff.toExponential(2), 'hash', h(ours), h(ref), ms.toFixed(0) + 'ms');
}
