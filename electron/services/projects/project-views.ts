/**
 * How each project was last looked at — grid, zoom, follow, scroll — kept in the user's settings
 * keyed by the project's file, so that reopening a project (or reloading the app and recovering
 * it) puts the user back where they were, without touching the project format. One JSON file,
 * `<dataDir>/project-views.json`, holding the `viewLimit` most recently used projects.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ProjectView } from '../../../src/protocol/ipc';
import { writeFileAtomic } from '../atomic-write';
import { errnoOf } from '../fs-helpers';

/** How many projects' views are remembered; the least recently used go first. */
export const viewLimit = 200;

const ViewsFile = z.array(z.tuple([z.string(), ProjectView]));

export class ProjectViews {
  /** Writes one after the other: two at once would lose one of them. */
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly file: string) {}

  /** The view last kept for the project file `project`; null when there is none. */
  async view(project: string): Promise<ProjectView | null> {
    await this.writing;
    return (await this.read()).get(path.resolve(project)) ?? null;
  }

  /** Keeps `view` as the latest view of the project file `project`. Errors: `io`. */
  remember(project: string, view: ProjectView): Promise<void> {
    const write = this.writing.then(async () => {
      const views = await this.read();
      const key = path.resolve(project);
      views.delete(key);
      views.set(key, view);
      const newest = [...views].slice(-viewLimit);
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, Buffer.from(JSON.stringify(newest)));
    });
    this.writing = write.catch(() => undefined);
    return write;
  }

  /** Oldest first. A missing or unreadable file is an empty list: views are a comfort, never a reason to fail. */
  private async read(): Promise<Map<string, ProjectView>> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return new Map();
      throw error;
    }
    try {
      const parsed = ViewsFile.safeParse(JSON.parse(text));
      return new Map(parsed.success ? parsed.data : []);
    } catch {
      return new Map();
    }
  }
}
