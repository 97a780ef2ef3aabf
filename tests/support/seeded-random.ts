/** The seeded random source lives in src/std (the step sequencer uses it too). */
export { seededRandom, type Random } from '../../src/std/seeded-random';
