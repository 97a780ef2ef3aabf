import { readFileSync } from 'node:fs';
import { decodeAudio } from './src/codecs/decode';
for (const f of process.argv.slice(2)) {
  try { const a = await decodeAudio(new Uint8Array(readFileSync(f)), f.split('/').pop()!); console.log(f, a.format, a.bitDepth, a.sampleRate, a.channels.length, a.channels[0]!.length); }
  catch (e) { console.log(f, 'ERR', (e as {code?: string}).code, (e as Error).message); }
}
