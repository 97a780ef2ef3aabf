import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRoot, factoryDir, findFactoryDir } from '../../../electron/services/repo-paths';
import { factoryKit } from '../../../src/model/beats/factory-kit';
import { tempDir } from '../../support/temp-dir';

describe('the factory kit', () => {
  it('fills all sixteen pads from files bundled in native-assets/factory (not the test fixture pack)', () => {
    expect(factoryDir).toBe(path.join(appRoot, 'native-assets', 'factory'));
    expect(factoryKit).toHaveLength(16);
    for (const pad of factoryKit) expect(existsSync(path.join(factoryDir!, pad.file)), pad.file).toBe(true);
    expect(existsSync(path.join(factoryDir!, 'LICENSE.txt'))).toBe(true);
  });

  it('is found beside a packaged app, in resources/factory, when the tree has no native-assets', () => {
    const installed = tempDir('glowroom-install-');
    const resources = path.join(installed, 'resources');
    mkdirSync(path.join(resources, 'factory'), { recursive: true });
    const asarRoot = path.join(resources, 'app.asar');
    expect(findFactoryDir(asarRoot, resources)).toBeNull();
    writeFileSync(path.join(resources, 'factory', 'LICENSE.txt'), 'CC0');
    expect(findFactoryDir(asarRoot, resources)).toBe(path.join(resources, 'factory'));
    expect(findFactoryDir(asarRoot, undefined)).toBeNull();
  });

  it('follows General MIDI where it can: a kick on pad 0 (36), snare 38, hats 42 and 46 choking each other', () => {
    expect(factoryKit[0]!.name).toBe('Kick');
    expect(factoryKit[2]!.name).toBe('Snare');
    expect(factoryKit[6]!.name).toBe('Closed Hat');
    expect(factoryKit[10]!.name).toBe('Open Hat');
    expect(factoryKit[6]!.params.choke).toBe(factoryKit[10]!.params.choke);
    expect(factoryKit[0]!.params.choke ?? 0).toBe(0);
  });
});
