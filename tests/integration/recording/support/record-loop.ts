/**
 * Records the test signal into a take until it is killed, as the recording service would: the take
 * is listed in the journal, then chunks of 0.1 s are appended. Prints "saved <frames>" each time a
 * checkpoint reaches the disk. argv: <folder> <journal file>.
 */
import { TakeJournal } from '../../../../electron/services/recording/take-journal';
import { TakeWriter } from '../../../../electron/services/recording/take-writer';
import { takeChunk } from './take-signal';

const [folder, journalFile] = process.argv.slice(2) as [string, string];
const sampleRate = 48_000;
const chunk = sampleRate / 10;
const writer = await TakeWriter.create(folder, 'Vocal take', { sampleRate, channelCount: 2 });
await new TakeJournal(journalFile).add(writer.path);
console.log(`path ${writer.path}`);
let saved = 0;
for (;;) {
  await writer.append(takeChunk(writer.length, chunk, 2));
  if (writer.savedFrames !== saved) {
    saved = writer.savedFrames;
    console.log(`saved ${saved}`);
  }
  await new Promise((resolve) => setTimeout(resolve, 2));
}
