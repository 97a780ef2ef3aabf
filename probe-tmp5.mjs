import { readFileSync, writeFileSync } from 'node:fs';
import { MPEGDecoder } from 'mpg123-decoder';
const f = new Uint8Array(readFileSync('/work/shared/fixtures/sample-pack/Drums/Kicks/bd_tek.mp3'));
const lame = 0x9c; // 'LAME' offset in this file
const variants = {
  original: f,
  zeroTag: (() => { const d = f.slice(); d.fill(0, lame, lame + 36); return d; })(),
  otherEncoder: (() => { const d = f.slice(); d.set([0x47, 0x4f, 0x47, 0x4f], lame); return d; })(),
  noXing: (() => { const d = f.slice(); d.set([0, 0, 0, 0], 0x24); return d; })(),
};
for (const [k, v] of Object.entries(variants)) { const d = new MPEGDecoder(); await d.ready; const r = d.decode(v); d.free(); console.log(k, r.samplesDecoded, r.errors.length); writeFileSync('/tmp/gr/v_' + k + '.mp3', v); }
