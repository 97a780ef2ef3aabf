import type { EngineDocument, LoopRange } from '../../src/protocol/engine';
import { compileEngineDocument, engineDocumentChanges } from '../../src/protocol/engine-document';
import { isSourceMissing, useProject } from '../state/project-store';
import { reportError } from '../state/session-store';
import { activeLoop, useTransport } from '../state/transport-store';
import type { AudioHost } from './audio-host';
import type { SamplePool } from './sample-pool';

/**
 * Keeps the engine playing the open project: on every document change it makes sure each source
 * is decoded and pooled, then sends only what changed (`engineDocumentChanges`): a fader, pan,
 * send level or device parameter as one `set-param`, never the track and never a voice rebuild.
 * A drag previews through the project store's gesture (each move a `set-param`); committing it
 * records one undo step and leaves nothing more to send. Sources are pooled by their path, so the
 * pool's sample id is the source's path. The loop range (the song's while looping, or the one the
 * waveform editor borrows) goes as a `set-loop` whenever it changes, also after undo and on open.
 * Returns the unsubscribe function.
 */
export function syncEngineWithProject(audio: AudioHost, samples: SamplePool): () => void {
  let sent: EngineDocument | null = null;
  let sentLoop: LoopRange | null | undefined;
  const applyLoop = () => {
    const loop = activeLoop();
    if (sentLoop !== undefined && sameLoop(sentLoop, loop)) return;
    audio.send({ type: 'set-loop', loop });
    sentLoop = loop;
  };
  const reported = new Set<string>();
  const apply = () => {
    const state = useProject.getState();
    const { project } = state;
    for (const [sourceId, source] of Object.entries(project.sources)) {
      // Known missing (listed when the project opened): silent and marked, not an error again.
      if (isSourceMissing(state, sourceId)) continue;
      samples.ensure(source.path).catch((error: unknown) => {
        // Say it once per file, not on every later edit.
        if (!reported.has(source.path)) reportError(error);
        reported.add(source.path);
      });
    }
    const next = compileEngineDocument(project, (sourceId) => project.sources[sourceId]?.path ?? sourceId);
    for (const command of engineDocumentChanges(sent, next)) audio.send(command);
    sent = next;
    applyLoop();
  };
  apply();
  const unsubscribe = useProject.subscribe((state, previous) => {
    if (state.project !== previous.project || state.missing !== previous.missing) apply();
  });
  const offBorrowed = useTransport.subscribe((state, previous) => {
    if (state.borrowedLoop !== previous.borrowedLoop) applyLoop();
  });
  const offRebuilt = audio.onRebuilt(() => {
    sent = null;
    sentLoop = undefined;
    apply();
  });
  return () => {
    unsubscribe();
    offBorrowed();
    offRebuilt();
  };
}

function sameLoop(a: LoopRange | null, b: LoopRange | null): boolean {
  return a === b || (a !== null && b !== null && a.start === b.start && a.end === b.end);
}
