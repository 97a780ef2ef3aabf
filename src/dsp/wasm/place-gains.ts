/**
 * Where each factor of a placement (src/dsp/wasm/place-pcm24.ts, the engine's `SamplePlacer`)
 * sits in its Float64Array: the clip's gain, the still pan's left and right gains, the fader's
 * gain at the block's start and its step per frame, the output's gain (1, or 0 for no output).
 */
export const placeGains = { clip: 0, sideLeft: 1, sideRight: 2, from: 3, step: 4, out: 5, count: 6 } as const;
