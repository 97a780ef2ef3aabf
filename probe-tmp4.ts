import { readFileSync } from 'node:fs';
import { decodeAudio } from './src/codecs/decode';
import { GlowroomError } from './src/std/errors';
const root = '/work/shared/fixtures/sample-pack/';
let seed = 7; const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const counts: Record<string, number> = {};
const origError = console.error; console.error = () => {};
for (const f of ['Drums/Kicks/bd_tek.mp3', 'Loops/industrial_loop.ogg', 'Drums/Kicks/bd_haus.flac', 'Bass/bass_dnb_F.mp3']) {
  const file = new Uint8Array(readFileSync(root + f));
  for (let n = 0; n < 300; n++) {
    const d = file.slice();
    for (let h = 1 + Math.floor(rnd() * 6); h > 0; h--) d[Math.floor(rnd() * d.length)] = Math.floor(rnd() * 256);
    const bytes = rnd() < 0.3 ? d.subarray(0, Math.floor(rnd() * d.length)) : d;
    try { await decodeAudio(bytes, 'fuzz'); counts[f + ' ok'] = (counts[f + ' ok'] ?? 0) + 1; }
    catch (e) { const k = e instanceof GlowroomError ? `${f} ${e.code} ${e.message.replace(/fuzz|\d+(\.\d+)?/g, '#').slice(0, 70)}` : `${f} OTHER ${(e as Error).message}`; counts[k] = (counts[k] ?? 0) + 1; }
  }
}
console.error = origError;
console.log(counts);
