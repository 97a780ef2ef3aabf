/**
 * A thread encoding one piece of a split MP3 (split.mjs): an encoder made from `workerData`, fed
 * the planes posted to it in order; on `{ end: true }` it ends the stream and posts back all its
 * bytes at once, with whether it reached the last frame it was to keep.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createLameEncoder } from './index.mjs';

const encoder = createLameEncoder(workerData);
const parts = [];
parentPort.on('message', (message) => {
  if (!message.end) {
    parts.push(encoder.encode(message.planes, message.frames).slice());
    return;
  }
  parts.push(encoder.flush().slice());
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  parentPort.postMessage({ bytes, ended: encoder.ended() }, [bytes.buffer]);
});
