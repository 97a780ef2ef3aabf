/**
 * The export's encode worker (electron/services/export/streamed-encode): given its job, reads the mix a chunk at
 * a time from the shared ring as the render writes it, runs the master stage, encodes, writes and
 * measures the file (EncodePass), and answers once with what it measured or why it failed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EncodePass } from '../services/export/encode-pass';
import { MasterStage, type Stereo } from '../services/export/master-chain';
import { encodeRingSides, STREAM_CHUNK_FRAMES, type EncodeWorkerInput, type EncodeWorkerJob, type EncodeWorkerMessage } from '../services/export/streamed-encode';
import { toIpcError } from '../services/ipc-error';
import { SplitRing } from '../services/render/split-ring';

const port = parentPort;
if (!port) throw new Error('encode-worker must run in a worker thread.');
const post = (message: EncodeWorkerMessage) => port.postMessage(message);
const input = (workerData as { input: EncodeWorkerInput }).input;
const ring = new SplitRing(input.buffer, 'main', undefined, encodeRingSides);

/** The next `frames` samples of the ring into `plane` from 0. */
const take = (plane: Float32Array, frames: number) => {
  plane.fill(0, 0, frames);
  ring.addInto(plane, frames);
};

// Started ahead of its work (its modules load while the export prepares): the job comes as the first message.
const job = await new Promise<EncodeWorkerJob>((resolve) => port.once('message', resolve));
let pass: EncodePass | null = null;
try {
  pass = await EncodePass.open(job.spec, job.output);
  const encode = pass;
  const stage = new MasterStage(job.spec.sampleRate, job.gainDb, job.ceilingDbtp, (planes, frames) => encode.push(planes, frames));
  const planes: Stereo = [new Float32Array(STREAM_CHUNK_FRAMES), new Float32Array(STREAM_CHUNK_FRAMES)];
  const count = new Float32Array(1);
  for (;;) {
    take(count, 1);
    const frames = count[0] as number;
    if (frames === 0) break;
    take(planes[0], frames);
    take(planes[1], frames);
    ring.segmentDone();
    stage.push(planes, frames);
  }
  const limiterDb = stage.finish();
  post({ type: 'done', limiterDb, measured: await pass.finish() });
} catch (error) {
  // The render waits on a full ring no more: it stops and reports this error.
  ring.stop();
  post({ type: 'failed', error: toIpcError(error) });
} finally {
  pass?.close();
  port.close();
}
