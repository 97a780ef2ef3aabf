/**
 * Brings an older library file up to this version's schema off the main thread (a 100,000-sample
 * library takes seconds), posting each step (`UpgradeStep`) before it runs, then closes it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openLibraryDatabase } from '../services/library/database';

const { file } = (workerData as { input: { file: string } }).input;
openLibraryDatabase(file, undefined, (step) => parentPort?.postMessage(step)).close();
