/**
 * Autosave and recovery end to end below the UI: the real project store and autosave schedule
 * (on a fake clock) talk to the real services through a bridge; the "crash" stops the session
 * and a new dispatcher on the same data folder offers what was kept. What it recovers must be
 * exactly the document at the last autosave, under the project's real name and file.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Bridge } from '../../../renderer/bridge/bridge';
import type { Transport } from '../../../renderer/bridge/transport';
import { startAutosave } from '../../../renderer/state/autosave';
import { recoverySettled, useProject } from '../../../renderer/state/project-store';
import { setRuntime, type Runtime } from '../../../renderer/state/runtime';
import { Dispatcher } from '../../../electron/services/dispatcher';
import { addSourceClip } from '../../../src/model/edits/source-edits';
import { createEmptyProject } from '../../../src/model/new-project';
import type { Project } from '../../../src/model/project-schema';
import type { OperationName, Reply } from '../../../src/protocol/ipc';
import { tempDir } from '../../support/temp-dir';

interface Session {
  readonly home: string;
  /** Resolves once every recovery write, drop and save the renderer asked for has finished. */
  settle(): Promise<void>;
  /** Holds back the answers to `name` until the returned function is called. */
  hold(name: OperationName): () => void;
}

/** A renderer session on a fresh data folder: the project store's bridge reaches a real Dispatcher. */
function startSession(home = tempDir('glowroom-home-')): Session {
  const dispatcher = new Dispatcher('web', { libraryPath: ':memory:', home });
  const held = new Map<OperationName, Promise<void>>();
  const transport: Transport = {
    kind: 'web',
    invoke: (name, args) => {
      return (held.get(name) ?? Promise.resolve()).then(() => dispatcher.call(name, args)) as Promise<Reply<never>>;
    },
    on: () => () => undefined,
    onClose: () => () => undefined,
  };
  setRuntime({ bridge: new Bridge(transport) } as Partial<Runtime> as Runtime);
  return {
    home,
    settle: recoverySettled,
    hold(name) {
      let release: () => void = () => undefined;
      held.set(name, new Promise<void>((resolve) => (release = resolve)));
      return () => {
        held.delete(name);
        release();
      };
    },
  };
}

/** After the crash: what a new start of the app finds and what Recover opens. */
async function recoverAfterCrash(home: string) {
  const dispatcher = new Dispatcher('web', { libraryPath: ':memory:', home });
  const listed = await dispatcher.call('project.recoveries', {});
  if (!listed.ok) throw new Error(listed.error.message);
  const { entries } = listed.value as { entries: { key: string; damaged: boolean; name?: string; originalPath?: string | null }[] };
  const first = entries[0];
  const recovered = first ? await dispatcher.call('project.resolveRecovery', { key: first.key, choice: 'recover' }) : null;
  if (recovered && !recovered.ok) throw new Error(recovered.error.message);
  return { entries, outcome: recovered?.value as { project: Project; path: string | null; unsaved: boolean } | undefined };
}

let clipCount = 0;
/** One edit as a user makes it: a sound dropped on a new track at `beat`. */
function dropSound(beat: number): void {
  clipCount += 1;
  const file = { path: `/music/pack/hit-${clipCount}.wav`, name: `hit-${clipCount}.wav`, durationSeconds: 0.5 };
  useProject.getState().edit(`Add hit-${clipCount}.wav`, (project) => addSourceClip(project, file, beat, null).project);
}

const clipsOf = (project: Project) => project.tracks.flatMap((track) => track.clips.map((clip) => `${track.name}@${clip.start}`)).sort();

let stopAutosave: () => void = () => undefined;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  stopAutosave = startAutosave();
});

afterEach(() => {
  stopAutosave();
  vi.useRealTimers();
  useProject.getState().load(createEmptyProject(), null);
});

describe('autosave and recovery', () => {
  it('edit, undo everything, four more edits, autosave, crash: Recover gives those four edits under the saved name', async () => {
    const session = startSession();
    const file = path.join(session.home, 'Beat night.glowroom');
    // A project saved under a name (the document's own name stays "Untitled", as after Save As).
    useProject.getState().load(createEmptyProject('Untitled'), null);
    dropSound(0);
    expect(await useProject.getState().save(file)).toBe('saved');
    await session.settle();

    dropSound(4);
    dropSound(8);
    dropSound(12);
    await vi.advanceTimersByTimeAsync(30_000);
    await session.settle();
    expect((await recoverAfterCrash(session.home)).entries).toHaveLength(1);

    // Undo everything since the save: nothing is left to recover.
    for (let i = 0; i < 3; i += 1) useProject.getState().undo();
    await session.settle();
    expect((await recoverAfterCrash(session.home)).entries).toEqual([]);

    // Four new edits, then autosave; one more edit after it is lost in the crash.
    dropSound(2);
    dropSound(3);
    useProject.getState().undo();
    useProject.getState().redo();
    dropSound(5);
    dropSound(6);
    await vi.advanceTimersByTimeAsync(30_000);
    await session.settle();
    const atLastAutosave = useProject.getState().project;
    dropSound(7);
    await vi.advanceTimersByTimeAsync(10_000);
    await session.settle();

    stopAutosave();
    const { entries, outcome } = await recoverAfterCrash(session.home);
    expect(entries).toEqual([expect.objectContaining({ damaged: false, name: 'Beat night', originalPath: file })]);
    expect(outcome?.path).toBe(file);
    expect(outcome?.unsaved).toBe(true);
    expect(outcome?.project).toEqual(atLastAutosave);
    expect(clipsOf(outcome!.project)).toEqual(['hit-1@0', 'hit-5@2', 'hit-6@3', 'hit-7@5', 'hit-8@6']);
  });

  it('writes within 30 s of the first unsaved change, undo and redo included', async () => {
    const session = startSession();
    useProject.getState().setTempo(100);
    useProject.getState().setTempo(110);
    await vi.advanceTimersByTimeAsync(30_000);
    await session.settle();
    useProject.getState().undo();
    await vi.advanceTimersByTimeAsync(29_999);
    await session.settle();
    expect((await recoverAfterCrash(session.home)).outcome?.project.tempo).toBe(110);
    await vi.advanceTimersByTimeAsync(1);
    await session.settle();
    expect((await recoverAfterCrash(session.home)).outcome?.project.tempo).toBe(100);
    useProject.getState().redo();
    await vi.advanceTimersByTimeAsync(30_000);
    await session.settle();
    expect((await recoverAfterCrash(session.home)).outcome?.project).toEqual(useProject.getState().project);
  });

  it('a save asked for while a recovery write is under way leaves no stale recovery behind', async () => {
    const session = startSession();
    const release = session.hold('project.writeRecovery');
    // Eight sounds at once is a large edit: autosave writes it straight away (held back here).
    useProject.getState().edit('Paste 8 hits', (project) =>
      Array.from({ length: 8 }, (_, i) => i).reduce((next, i) => addSourceClip(next, { path: `/music/pack/p${i}.wav`, name: `p${i}.wav`, durationSeconds: 0.5 }, i, null).project, project),
    );
    await vi.advanceTimersByTimeAsync(0);
    const saving = useProject.getState().save(path.join(session.home, 'Pasted.glowroom'));
    release();
    expect(await saving).toBe('saved');
    await session.settle();
    expect((await recoverAfterCrash(session.home)).entries).toEqual([]);
    expect(useProject.getState().recoveryKey).toBeNull();
  });

  it('opening another project drops the recovery of the one let go', async () => {
    const session = startSession();
    dropSound(0);
    await vi.advanceTimersByTimeAsync(30_000);
    await session.settle();
    expect((await recoverAfterCrash(session.home)).entries).toHaveLength(1);
    useProject.getState().load(createEmptyProject('Other'), null);
    await session.settle();
    expect((await recoverAfterCrash(session.home)).entries).toEqual([]);
  });
});
