import type { IpcError } from '../../../src/protocol/ipc';
import type { ListedFile, SampleAnalysis } from './analyze-file';

/** Main thread → analyze worker: analyse one file. Workers take one request at a time. */
export interface AnalyzeRequest {
  readonly id: number;
  readonly file: string;
  readonly relativePath: string;
  /** What the listing found, when the file was listed: its hash is reused while the file is unchanged. */
  readonly listed?: ListedFile;
}

/** Analyze worker → main thread: the answer to request `id`, never a thrown error. */
export type AnalyzeResponse =
  | { readonly id: number; readonly ok: true; readonly analysis: SampleAnalysis }
  | { readonly id: number; readonly ok: false; readonly error: IpcError };

/** Analyze worker → main thread, once, when it is loaded: files go only to ready workers, so a slow start never counts against a file's time limit. */
export interface AnalyzerReady {
  readonly ready: true;
}
