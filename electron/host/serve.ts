import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { rendererDist } from '../services/repo-paths';
import { startWebHost } from './web-host';

/** `npm run serve`: Glowroom in a browser tab, served on 127.0.0.1 only. */
const { values } = parseArgs({ options: { port: { type: 'string' }, root: { type: 'string' } } });
const root = values.root ?? rendererDist;
if (!existsSync(`${root}/index.html`)) {
  console.error(`No built renderer in ${root}. Run \`npm run build\` first (\`npm run serve\` does it for you).`);
  process.exit(1);
}
const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
  process.exit(1);
}
const host = await startWebHost({ root, port, backgroundWork: true });
console.log(`Glowroom is running at ${host.url}`);
console.log('Open that address in Chromium or Chrome (it carries this launch’s access token). Ctrl+C stops.');
const stop = () => void host.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
