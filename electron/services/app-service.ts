import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AppInfo } from '../../src/protocol/ipc';
import { dataDir } from './data-dir';
import { exportsDir } from './files/user-folders';
import { appRoot, demoPackCandidate, factoryDir } from './repo-paths';

export type HostKind = AppInfo['host'];

const version = (JSON.parse(readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;

export function appInfo(host: HostKind): AppInfo {
  return {
    name: 'Glowroom',
    version,
    host,
    platform: process.platform,
    dataDir: dataDir(),
    demoPackDir: existsSync(demoPackCandidate) ? demoPackCandidate : null,
    factoryDir,
    exportsDir: exportsDir(),
  };
}
