import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
/** The CC0 pack beside the checkout (`../shared/fixtures/sample-pack`). */
export const samplePack = path.resolve(repoRoot, '../shared/fixtures/sample-pack');
export const packFile = (relative: string): string => path.join(samplePack, relative);
