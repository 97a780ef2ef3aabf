import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { outOfMemory } from '../../../electron/services/export/out-of-memory';

const caught = (make: () => unknown): unknown => {
  try {
    make();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

describe('an export out of memory', () => {
  it('is told in words, whether an allocation was refused or the worker hit its heap limit', async () => {
    for (const error of [caught(() => new Float32Array(2 ** 40)), caught(() => new ArrayBuffer(2 ** 53))]) {
      expect(outOfMemory(error)).toMatchObject({ code: 'io', message: expect.stringMatching(/^There was not enough memory to finish the export, so nothing was written\./) });
    }
    const worker = new Worker('const kept = []; for (;;) kept.push(new Array(1e5).fill({}));', { eval: true, resourceLimits: { maxOldGenerationSizeMb: 16 } });
    const failure = await new Promise<unknown>((resolve) => worker.once('error', resolve));
    expect(outOfMemory(failure)).toMatchObject({ code: 'io' });
  });

  it('leaves every other failure alone', () => {
    expect(outOfMemory(caught(() => (1).toFixed(200)))).toBeNull();
    expect(outOfMemory(new Error('Array buffer allocation failed'))).toBeNull();
    expect(outOfMemory(new RangeError('Maximum call stack size exceeded'))).toBeNull();
  });
});
