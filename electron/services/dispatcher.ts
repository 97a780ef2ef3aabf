import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import {
  events,
  operations,
  type EventName,
  type EventPayload,
  type IpcError,
  type OperationName,
  type OperationResult,
  type Reply,
} from '../../src/protocol/ipc';
import { appInfo, type HostKind } from './app-service';
import { dataDir } from './data-dir';
import { FileChooser, type NativeChooser } from './files/file-chooser';
import { PathGrants, type Grant } from './files/path-grants';
import { pathGuards, type PathGuard } from './files/path-guards';
import { exportsDir, musicDir } from './files/user-folders';
import { demoPackCandidate, factoryDir } from './repo-paths';
import { GlowroomError } from '../../src/std/errors';
import { toIpcError } from './ipc-error';
import { AudioService } from './audio-service';
import { ExportService } from './export-service';
import { JobRegistry } from './jobs';
import { LibraryService } from './library/library-service';
import { readMidi, writeMidi } from './midi/midi-files';
import { PresetStore } from './presets/preset-store';
import { RecordingService } from './recording/recording-service';
import { ProjectService } from './projects/project-service';
import { UserSettingsStore } from './user-settings';

type Handlers = {
  [N in OperationName]: (args: z.infer<(typeof operations)[N]['args']>) => Promise<OperationResult<N>> | OperationResult<N>;
};

export type EventListener = <N extends EventName>(name: N, payload: EventPayload<N>) => void;

export interface DispatcherOptions {
  /** Where the library database lives (tests use ':memory:'). */
  readonly libraryPath?: string;
  /** The data folder. */
  readonly home?: string;
  /** The desktop host's system file dialog; without one, `files.choose` opens a browse session for the page. */
  readonly nativeChooser?: NativeChooser;
  /** The desktop host's "show in the file manager"; without one, `files.showInFolder` is refused. */
  readonly showInFolder?: (file: string) => void;
}

/**
 * Serves the IPC contract for one host. Every call is validated against the contract before a
 * service runs and its result is checked before it leaves; every failure becomes a typed
 * `IpcError` reply, never a thrown error or a crash of the host.
 */
export class Dispatcher {
  private readonly emitter = new EventEmitter();
  private readonly handlers: Handlers;
  private readonly library: LibraryService;
  private readonly grants: PathGrants;

  constructor(host: HostKind, options: DispatcherOptions = {}) {
    const jobs = new JobRegistry();
    const home = options.home ?? dataDir();
    const library = new LibraryService(jobs, options.libraryPath, { onWatchedImport: (summary) => this.emit('library.changed', summary) });
    this.library = library;
    const projects = new ProjectService(jobs, home);
    const settings = new UserSettingsStore(path.join(home, 'settings.json'));
    const presets = new PresetStore(path.join(home, 'presets'));
    const recording = new RecordingService(home);
    const exports = exportsDir();
    const exporter = new ExportService(jobs, home, exports);
    const audio = new AudioService(path.join(home, 'Imported Audio'));
    const recentProjects = async () => (await projects.recent()).paths;
    this.grants = new PathGrants(path.join(home, 'granted-places.json'), {
      ownFolders: [home, exports, demoPackCandidate, ...(factoryDir ? [factoryDir] : [])],
      recentProjects,
      inLibrary: (file) => library.holds(file),
    });
    const chooser = new FileChooser(
      this.grants,
      { home: os.homedir(), music: musicDir(), exports, recentProjects, libraryFolders: () => library.watched().folders.map((f) => f.path) },
      options.nativeChooser ?? null,
    );
    const showInFolder = options.showInFolder;
    this.handlers = {
      'app.info': () => appInfo(host),
      'library.import': (args) => library.import(args.paths, (progress) => this.emit('job.progress', progress)),
      'library.search': (args) => library.search(args),
      'library.packs': () => library.packs(),
      'library.setFavourite': (args) => library.setFavourite(args.id, args.favourite),
      'library.setTempo': (args) => library.setTempo(args.path, args.bpm),
      'library.watch': (args) => library.watch(args.path),
      'library.unwatch': (args) => library.unwatch(args.path),
      'library.watched': () => library.watched(),
      'library.collections': () => library.collections(),
      'library.createCollection': (args) => library.createCollection(args.name),
      'library.renameCollection': (args) => library.renameCollection(args.id, args.name),
      'library.deleteCollection': (args) => library.deleteCollection(args.id),
      'library.addToCollection': (args) => library.addToCollection(args.id, args.sampleIds),
      'library.removeFromCollection': (args) => library.removeFromCollection(args.id, args.sampleIds),
      'library.findByHash': (args) => library.findByHash(args.hashes),
      'audio.load': (args) => audio.load(args.path),
      'audio.store': (args) => audio.store(args.name, args.bytes, args.projectPath),
      'export.start': (args) => exporter.start(args, (progress) => this.emit('job.progress', progress), (file) => this.grants.allows(file)),
      'job.cancel': (args) => ({ cancelled: jobs.cancel(args.jobId) }),
      'project.open': (args) => projects.open(args.path),
      'project.save': (args) => projects.save(args.path, args.project, args.recoveryKey),
      'project.findInFolder': (args) => projects.findInFolder(args.folder, args.files, (progress) => this.emit('job.progress', progress)),
      'project.recent': () => projects.recent(),
      'project.writeRecovery': (args) => projects.writeRecovery(args.key, args.project, args.originalPath),
      'project.discardRecovery': async (args) => {
        await projects.discardRecovery(args.key);
        return {};
      },
      'project.view': async (args) => ({ view: await projects.views.view(args.path) }),
      'project.rememberView': async (args) => {
        await projects.views.remember(args.path, args.view);
        return {};
      },
      'project.recoveries': () => projects.recoveries(),
      'presets.list': () => presets.list(),
      'presets.save': (args) => presets.save(args.preset),
      'presets.load': (args) => presets.load(args.file),
      'recording.begin': (args) => recording.begin(args.projectPath, args.name, { sampleRate: args.sampleRate, channelCount: args.channelCount }),
      'recording.append': (args) => recording.append(args.takeId, args.channels),
      'recording.finish': (args) => recording.finish(args.takeId),
      'recording.recovered': async () => ({
        takes: (await recording.recoverOnce()).map((take) => ({ path: take.path, seconds: take.frames / take.sampleRate })),
      }),
      'midi.read': (args) => readMidi(args.path),
      'midi.write': (args) => writeMidi(args.path, args.song),
      'settings.get': () => settings.settings(),
      'settings.update': (args) => settings.update(args),
      'project.resolveRecovery': (args) => projects.resolveRecovery(args.key, args.choice),
      'project.exportBundle': (args) => projects.exportBundle(args.projectPath, args.outPath, (file) => this.grants.allows(file)),
      'project.openBundle': (args) => projects.openBundle(args.zipPath, args.intoFolder),
      'project.collect': (args) => projects.collect(args.projectPath, (file) => this.grants.allows(file)),
      'files.choose': (args) => chooser.choose(args),
      'files.list': (args) => chooser.list(args.session, args.folder),
      'files.pick': (args) => chooser.pick(args.session, args.path),
      'files.showInFolder': (args) => {
        if (!showInFolder) throw new GlowroomError('unsupported', 'A browser tab cannot open your file manager; the full path is shown instead.');
        showInFolder(args.path);
        return {};
      },
      // Only the Electron host has a native menu and window title; it acts on this itself.
      'app.setEditState': () => ({}),
      // Only the Electron host asks the page to save before closing, and it acts on the answer itself.
      'app.saveBeforeCloseOutcome': () => ({}),
    };
  }

  /** Grants a place the user gave the desktop app outside a dialog: a file dropped from the OS, or one the OS asked Glowroom to open. */
  grant(place: Grant): Promise<void> {
    return this.grants.add(place);
  }

  /**
   * Starts what a running app keeps doing in the background: upgrading a library from an older
   * Glowroom first (with progress; library calls wait for it), watching the library's folders, and
   * analysing the files an earlier run listed but did not get to (not awaited: it takes a while,
   * reports its progress and ends with a `library.changed`).
   */
  async startBackgroundWork(): Promise<void> {
    // A library from an older Glowroom is upgraded first (seconds for a large one), with progress.
    await this.library.upgrade((progress) => this.emit('job.progress', progress)).catch((error: unknown) => {
      console.error(`Glowroom could not upgrade the library: ${toIpcError(error).message}`);
    });
    await this.library.startWatching();
    void this.library.resumeAnalysis((progress) => this.emit('job.progress', progress)).then(
      ({ analysed, failed }) => {
        if (analysed + failed > 0) this.emit('library.changed', { folder: '', indexed: analysed, moved: 0, missing: 0, failed });
      },
      () => undefined,
    );
  }

  /** Subscribes to every event; returns the unsubscribe function. */
  onEvent(listener: EventListener): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  async call(name: string, rawArgs: unknown): Promise<Reply<unknown>> {
    if (!Object.hasOwn(operations, name)) {
      return failure({ code: 'unknown-operation', message: `Unknown operation "${name}".` });
    }
    const op = name as OperationName;
    const parsed = operations[op].args.safeParse(rawArgs ?? {});
    if (!parsed.success) {
      return failure({ code: 'invalid-args', message: `Invalid arguments for ${op}: ${z.prettifyError(parsed.error)}` });
    }
    try {
      // While the library is upgraded at startup, its calls wait for it (the host answers the rest).
      if (op.startsWith('library.')) await this.library.ready;
      await this.checkPaths(op, parsed.data);
      const handler = this.handlers[op] as (args: unknown) => unknown;
      const value = await handler(parsed.data);
      const checked = operations[op].result.safeParse(value);
      if (!checked.success) {
        return failure({ code: 'internal', message: `${op} produced a result outside the contract: ${z.prettifyError(checked.error)}` });
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      return failure(toIpcError(error));
    }
  }

  /** Refuses, before any service runs, an operation on a path the user has not given Glowroom. */
  private async checkPaths(op: OperationName, args: unknown): Promise<void> {
    const guard = pathGuards[op] as PathGuard<OperationName> | undefined;
    if (!guard) return;
    for (const target of guard.paths(args as never)) {
      if (target) await this.grants.require(target, guard.verb, guard.remedy);
    }
  }

  private emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    this.emitter.emit('event', name, events[name].parse(payload));
  }
}

function failure(error: IpcError): Reply<never> {
  return { ok: false, error };
}
