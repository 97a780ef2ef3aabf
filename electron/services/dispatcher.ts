import { EventEmitter } from 'node:events';
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
import { toIpcError } from './ipc-error';
import { AudioService } from './audio-service';
import { ExportService } from './export-service';
import { JobRegistry } from './jobs';
import { LibraryService } from './library/library-service';
import { ProjectService } from './projects/project-service';

type Handlers = {
  [N in OperationName]: (args: z.infer<(typeof operations)[N]['args']>) => Promise<OperationResult<N>> | OperationResult<N>;
};

export type EventListener = <N extends EventName>(name: N, payload: EventPayload<N>) => void;

/**
 * Serves the IPC contract for one host. Every call is validated against the contract before a
 * service runs and its result is checked before it leaves; every failure becomes a typed
 * `IpcError` reply, never a thrown error or a crash of the host.
 */
export class Dispatcher {
  private readonly emitter = new EventEmitter();
  private readonly handlers: Handlers;
  private readonly library: LibraryService;

  /** `libraryPath` overrides where the library database lives (tests use ':memory:'); `home` the data folder. */
  constructor(host: HostKind, options: { libraryPath?: string; home?: string } = {}) {
    const jobs = new JobRegistry();
    const library = new LibraryService(jobs, options.libraryPath, { onWatchedImport: (summary) => this.emit('library.changed', summary) });
    this.library = library;
    const projects = new ProjectService(jobs, options.home);
    const exporter = new ExportService(jobs, options.home);
    const audio = new AudioService(options.home ? path.join(options.home, 'Imported Audio') : undefined);
    this.handlers = {
      'app.info': () => appInfo(host),
      'library.import': (args) => library.import(args.paths, (progress) => this.emit('job.progress', progress)),
      'library.search': (args) => library.search(args),
      'library.packs': () => library.packs(),
      'library.setFavourite': (args) => library.setFavourite(args.id, args.favourite),
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
      'export.start': (args) => exporter.start(args, (progress) => this.emit('job.progress', progress)),
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
      'project.resolveRecovery': (args) => projects.resolveRecovery(args.key, args.choice),
      'project.exportBundle': (args) => projects.exportBundle(args.projectPath, args.outPath),
      'project.openBundle': (args) => projects.openBundle(args.zipPath, args.intoFolder),
      'project.collect': (args) => projects.collect(args.projectPath),
      // Only the Electron host has a native menu and window title; it acts on this itself.
      'app.setEditState': () => ({}),
      // Only the Electron host asks the page to save before closing, and it acts on the answer itself.
      'app.saveBeforeCloseOutcome': () => ({}),
    };
  }

  /** Starts what a running app keeps doing in the background: watching the library's folders. */
  async startBackgroundWork(): Promise<void> {
    await this.library.startWatching();
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

  private emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    this.emitter.emit('event', name, events[name].parse(payload));
  }
}

function failure(error: IpcError): Reply<never> {
  return { ok: false, error };
}
