/**
 * The packaged app's production switches (Electron fuses), read from electron-builder.yml the way
 * electron-builder itself reads and validates it, so a typo in a key or a lost block fails here
 * rather than shipping an app that runs as Node or loads code from outside its asar.
 */
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/paths';

describe('electron-builder.yml', () => {
  it('sets the Electron fuses of a production app, in a configuration electron-builder accepts', async () => {
    const config = await getConfig(repoRoot, null, null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
    // Integrity validation needs the asar and its hash: neither may be switched off.
    expect(config.asar).toBe(true);
  });
});
