/**
 * The takes being recorded right now, kept in a small file in the data folder so that after a
 * crash the next start knows which files to mend (take-repair.ts) and can tell the user what was
 * saved. Written atomically on every change; a damaged journal is treated as empty.
 */
import { promises as fs } from 'node:fs';
import { writeFileAtomic } from '../atomic-write';
import { errnoOf } from '../fs-helpers';
import { repairTake, type RepairedTake } from './take-repair';

export class TakeJournal {
  constructor(private readonly file: string) {}

  async add(take: string): Promise<void> {
    const takes = await this.read();
    if (!takes.includes(take)) await this.write([...takes, take]);
  }

  async remove(take: string): Promise<void> {
    await this.write((await this.read()).filter((entry) => entry !== take));
  }

  /**
   * Mends every take a crash left unfinished and empties the journal. Returns the mended takes;
   * files that are gone are skipped, files that are not takes are left alone.
   */
  async recover(): Promise<RepairedTake[]> {
    const repaired: RepairedTake[] = [];
    for (const take of await this.read()) {
      const result = await repairTake(take).catch(() => null);
      if (result) repaired.push(result);
    }
    await this.write([]);
    return repaired;
  }

  private async read(): Promise<string[]> {
    try {
      const parsed: unknown = JSON.parse(await fs.readFile(this.file, 'utf8'));
      return Array.isArray(parsed) ? parsed.filter((entry): entry is string => typeof entry === 'string') : [];
    } catch (error) {
      if (errnoOf(error) === 'ENOENT' || error instanceof SyntaxError) return [];
      throw error;
    }
  }

  private async write(takes: readonly string[]): Promise<void> {
    await writeFileAtomic(this.file, new TextEncoder().encode(`${JSON.stringify(takes, null, 2)}\n`));
  }
}
