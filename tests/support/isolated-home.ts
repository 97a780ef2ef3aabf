import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

// Vitest set-up file: every test file gets a data folder of its own (GLOWROOM_HOME), so no test
// reads or writes the library, settings or recovery files of the user running the tests: a library
// in ~/.config/Glowroom written by a newer build made the dispatcher's tests refuse to open it.
const home = mkdtempSync(path.join(os.tmpdir(), 'glowroom-home-'));
process.env['GLOWROOM_HOME'] = home;
afterAll(() => rmSync(home, { recursive: true, force: true }));
