/**
 * The import rules of ../shared/DESIGN.md, checked on resolved module paths by `npm run lint`.
 * Each rule names the room it protects; a violation fails `npm test`.
 */
const nodeBuiltin = { dependencyTypes: ['core'] };

module.exports = {
  forbidden: [
    {
      name: 'src-is-pure',
      comment: 'src/ imports only src/ and pure libraries: no Node built-ins, no electron, no react, no DOM-side code.',
      severity: 'error',
      from: { path: '^src/' },
      to: { pathNot: '^src/', path: '^(electron|renderer|tests)/|node_modules/(electron|react|react-dom|zustand|ws|better-sqlite3)/' },
    },
    { name: 'src-no-node-builtins', severity: 'error', from: { path: '^src/' }, to: nodeBuiltin },
    {
      name: 'std-is-the-floor',
      comment: 'src/std depends on nothing else in src.',
      severity: 'error',
      from: { path: '^src/std/' },
      to: { path: '^src/(?!std/)' },
    },
    {
      name: 'devices-on-std-only',
      comment: 'The device catalog is data shared by the model, the engine and the UI: it depends on std only.',
      severity: 'error',
      from: { path: '^src/devices/' },
      to: { path: '^src/(?!std/|devices/)' },
    },
    {
      name: 'dsp-on-std-only',
      severity: 'error',
      from: { path: '^src/dsp/' },
      to: { path: '^src/(?!std/|dsp/)' },
    },
    {
      name: 'engine-on-std-dsp-protocol',
      comment: 'The engine runs in the worklet: it may use std, dsp, the device catalog and the engine protocol.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { path: '^src/(?!std/|dsp/|devices/|engine/|protocol/engine)' },
    },
    {
      name: 'model-on-std-and-catalog',
      comment: 'The schema validates device parameters against the catalog (src/devices).',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { path: '^src/(?!std/|devices/|model/)' },
    },
    {
      name: 'analysis-on-std-dsp',
      severity: 'error',
      from: { path: '^src/analysis/' },
      to: { path: '^src/(?!std/|dsp/|analysis/)' },
    },
    {
      name: 'codecs-on-std',
      severity: 'error',
      from: { path: '^src/codecs/' },
      to: { path: '^src/(?!std/|dsp/|codecs/)' },
    },
    {
      name: 'protocol-on-std-model-codecs',
      comment: 'Contracts describe data: they use std, model types, the device catalog and codec types.',
      severity: 'error',
      from: { path: '^src/protocol/' },
      to: { path: '^src/(?!std/|model/|devices/|codecs/|protocol/)' },
    },
    {
      name: 'worklets-audio-only',
      comment: 'Worklets host the engine: only src/std, src/dsp, src/devices, src/engine and src/protocol; no React, no stores.',
      severity: 'error',
      from: { path: '^renderer/worklets/' },
      to: { path: '^(?!src/(std|dsp|devices|engine|protocol)/|renderer/worklets/)' },
    },
    { name: 'worklets-no-node', severity: 'error', from: { path: '^renderer/worklets/' }, to: nodeBuiltin },
    {
      name: 'services-never-electron-or-renderer',
      comment: 'Services are plain Node, shared by both hosts and the CLI.',
      severity: 'error',
      from: { path: '^electron/(services|workers|host|cli)/' },
      to: { path: '^renderer/|node_modules/electron/' },
    },
    {
      name: 'only-main-and-preload-import-electron',
      severity: 'error',
      from: { pathNot: '^electron/(main|preload)/' },
      to: { path: 'node_modules/electron/' },
    },
    {
      name: 'renderer-never-node-side',
      comment: 'The renderer reaches the Node side only through renderer/bridge and the contract.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^electron/|node_modules/electron/' },
    },
    { name: 'renderer-no-node-builtins', severity: 'error', from: { path: '^renderer/' }, to: nodeBuiltin },
    {
      name: 'state-never-ui',
      comment: 'Stores hold state for the views; they never import a view (renderer/ui).',
      severity: 'error',
      from: { path: '^renderer/state/' },
      to: { path: '^renderer/ui/' },
    },
    {
      name: 'ui-features-meet-at-their-root',
      comment: 'A feature folder under renderer/ui reaches another feature only through what that folder exports at its root (index.ts).',
      severity: 'error',
      from: { path: '^renderer/ui/([^/]+)/' },
      to: { path: '^renderer/ui/[^/]+/', pathNot: ['^renderer/ui/$1/', '^renderer/ui/[^/]+/index\\.tsx?$'] },
    },
    {
      name: 'preload-only-contract',
      comment: 'The preload knows the contract and electron, nothing else.',
      severity: 'error',
      from: { path: '^electron/preload/' },
      to: { path: '^(?!src/(protocol|std)/|electron/preload/|node_modules/)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'] },
  },
};
