import { describe, expect, it } from 'vitest';
import { nodeKey, visibleNodes } from '../../../renderer/ui/library/pack-tree-nodes';

const packs = [
  { name: 'Lofi', count: 4, folders: [] },
  {
    name: 'Trap',
    count: 9,
    folders: [
      { path: 'Drums', count: 5 },
      { path: 'Drums/Kicks', count: 3 },
      { path: 'Drums/Kicks/Sub', count: 1 },
      { path: 'Drums/Snares', count: 2 },
      { path: 'FX', count: 4 },
    ],
  },
];

const shown = (expanded: string[]) => visibleNodes(packs, new Set(expanded)).map((node) => `${'  '.repeat(node.level - 1)}${node.label} ${node.count}${node.expandable ? (node.expanded ? ' -' : ' +') : ''}`);

describe('the pack tree rows', () => {
  it('show the packs, closed, under All packs with the total', () => {
    expect(shown([])).toEqual(['All packs 13', '  Lofi 4', '  Trap 9 +']);
  });

  it('open a pack into its top folders, and a folder into its own, depth first', () => {
    expect(shown([nodeKey('Trap')])).toEqual(['All packs 13', '  Lofi 4', '  Trap 9 -', '    Drums 5 +', '    FX 4']);
    expect(shown([nodeKey('Trap'), nodeKey('Trap', 'Drums'), nodeKey('Trap', 'Drums/Kicks')])).toEqual([
      'All packs 13',
      '  Lofi 4',
      '  Trap 9 -',
      '    Drums 5 -',
      '      Kicks 3 -',
      '        Sub 1',
      '      Snares 2',
      '    FX 4',
    ]);
  });

  it('keep a folder closed while its pack is, and know each row’s parent and filter', () => {
    expect(shown([nodeKey('Trap', 'Drums')])).toEqual(['All packs 13', '  Lofi 4', '  Trap 9 +']);
    const sub = visibleNodes(packs, new Set([nodeKey('Trap'), nodeKey('Trap', 'Drums'), nodeKey('Trap', 'Drums/Kicks')])).find((node) => node.label === 'Sub');
    expect(sub).toMatchObject({ pack: 'Trap', folder: 'Drums/Kicks/Sub', parentKey: nodeKey('Trap', 'Drums/Kicks'), level: 5 });
  });
});
