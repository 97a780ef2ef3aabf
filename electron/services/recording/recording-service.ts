/**
 * Recording for the contract: takes being recorded, by id. Audio arrives from the page in chunks
 * (`recording.append`) and goes straight to the take's file (take-writer.ts); a take lives in its
 * project's Audio/ folder, or in the data folder's "Recordings" while the project is untitled.
 * The journal (take-journal.ts) lets the next start mend what a crash cut off.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { GlowroomError } from '../../../src/std/errors';
import { TakeJournal } from './take-journal';
import { TakeWriter, type TakeFormat } from './take-writer';
import type { RepairedTake } from './take-repair';

export interface TakeStatus {
  /** Seconds of the take that are safely on disk (flushed, covered by the header). */
  readonly savedSeconds: number;
  /** Set when the take stopped by itself (a full disk): what happened, for the user. */
  readonly stoppedEarly: string | null;
}

export interface FinishedTake extends TakeStatus {
  readonly path: string;
  readonly frames: number;
}

export class RecordingService {
  private readonly takes = new Map<string, TakeWriter>();
  private readonly journal: TakeJournal;
  private recovered: Promise<RepairedTake[]> | null = null;

  constructor(private readonly home: string) {
    this.journal = new TakeJournal(path.join(home, 'recordings-in-progress.json'));
  }

  /** Starts a take named `name` (a file name without extension) for the project at `projectPath` (null: untitled). */
  async begin(projectPath: string | null, name: string, format: TakeFormat): Promise<{ takeId: string; path: string }> {
    await this.recoverOnce();
    const folder = projectPath ? path.join(path.dirname(path.resolve(projectPath)), 'Audio') : path.join(this.home, 'Recordings');
    const writer = await TakeWriter.create(folder, name, format);
    await this.journal.add(writer.path);
    const takeId = randomUUID();
    this.takes.set(takeId, writer);
    return { takeId, path: writer.path };
  }

  async append(takeId: string, channels: readonly Float32Array[]): Promise<TakeStatus> {
    const writer = this.take(takeId);
    await writer.append(channels);
    return { savedSeconds: writer.savedFrames / writer.format.sampleRate, stoppedEarly: writer.stoppedEarly };
  }

  async finish(takeId: string): Promise<FinishedTake> {
    const writer = this.take(takeId);
    this.takes.delete(takeId);
    const result = await writer.finish();
    await this.journal.remove(writer.path);
    return { path: result.path, frames: result.frames, savedSeconds: result.frames / writer.format.sampleRate, stoppedEarly: result.stoppedEarly };
  }

  /** The takes a crash of the previous run cut off, mended; asked once at start (later calls give the same answer). */
  recoverOnce(): Promise<RepairedTake[]> {
    this.recovered ??= this.journal.recover();
    return this.recovered;
  }

  /** Ends every take still open (the app is closing): each keeps what was recorded. */
  async finishAll(): Promise<void> {
    await Promise.all([...this.takes.keys()].map((takeId) => this.finish(takeId)));
  }

  private take(takeId: string): TakeWriter {
    const writer = this.takes.get(takeId);
    if (!writer) throw new GlowroomError('not-found', 'That recording has already ended.');
    return writer;
  }
}
