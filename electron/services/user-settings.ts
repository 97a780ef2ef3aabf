/**
 * The user's own settings (not a project's): one small JSON file, `<dataDir>/settings.json`.
 * A missing or damaged file reads as the defaults — settings are a comfort, never a reason for
 * the app not to start — and is replaced whole, atomically, on the next change.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UserSettings, type UserSettingsChanges } from '../../src/protocol/ipc';
import { writeFileAtomic } from './atomic-write';
import { dataDir } from './data-dir';
import { errnoOf } from './fs-helpers';

export const defaultSettings: UserSettings = UserSettings.parse({});

export class UserSettingsStore {
  /** Changes one after the other: two at once would lose one of them. */
  private writing: Promise<unknown> = Promise.resolve();

  /** `file` defaults to `<dataDir>/settings.json`; tests pass their own. */
  constructor(private readonly file: string = path.join(dataDir(), 'settings.json')) {}

  async settings(): Promise<UserSettings> {
    await this.writing;
    return this.read();
  }

  /** Changes the settings given, keeps the rest; answers all of them. Errors: `io`. */
  update(changes: UserSettingsChanges): Promise<UserSettings> {
    const write = this.writing.then(async () => {
      const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      const next: UserSettings = { ...(await this.read()), ...given };
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, Buffer.from(JSON.stringify(next, null, 2)));
      return next;
    });
    this.writing = write.catch(() => undefined);
    return write;
  }

  private async read(): Promise<UserSettings> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return defaultSettings;
      throw error;
    }
    try {
      const parsed = UserSettings.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : defaultSettings;
    } catch {
      return defaultSettings;
    }
  }
}
