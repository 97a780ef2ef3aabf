import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../../../src/protocol/ipc';
import { sharedMode, useAutomationModes } from '../../../renderer/state/automation-modes';
import { useProject } from '../../../renderer/state/project-store';
import { runMenuCommand } from '../../../renderer/ui/shell/native-menu';
import { buildAppMenu } from '../../../electron/main/menu';
import { mixerProject } from '../../unit/model/edits/helpers';

// The menu builder's Electron parts: the template itself is what is checked.
vi.mock('electron', () => ({ app: { getVersion: () => '0.0.0' }, Menu: { buildFromTemplate: (template: unknown) => template } }));

/** What the test reads of a menu template item (Electron's MenuItemConstructorOptions). */
interface TemplateItem {
  readonly label?: string;
  readonly submenu?: readonly TemplateItem[];
  readonly click?: () => void;
}

/** The app menu's items by label, each with what clicking it sends to the renderer. */
function menuItems(): Map<string, Map<string, MenuCommand | null>> {
  const sent: MenuCommand[] = [];
  const template = buildAppMenu({ undoLabel: null, redoLabel: null, dirty: false, title: '' }, [], { command: (c) => sent.push(c), openFile: () => undefined, quit: () => undefined }) as unknown as TemplateItem[];
  return new Map(
    template.map((menu) => [
      String(menu.label),
      new Map(
        (menu.submenu ?? []).flatMap((item) => {
          if (!item.label) return [];
          sent.length = 0;
          item.click?.();
          return [[item.label, sent[0] ?? null] as const];
        }),
      ),
    ]),
  );
}

describe('"All channels" automation mode in the app menu', () => {
  it('is a Mix menu of the native menu bar, one item a mode, each sending its command', () => {
    const mix = menuItems().get('&Mix');
    expect([...(mix ?? [])]).toEqual([
      ['All Channels: Read', 'all-channels-read'],
      ['All Channels: Touch', 'all-channels-touch'],
      ['All Channels: Latch', 'all-channels-latch'],
      ['All Channels: Write', 'all-channels-write'],
    ]);
  });

  it('sets the mode of every track, bus and the master, whatever each was in before', () => {
    const project = mixerProject();
    useProject.setState({ project });
    const channels = ['t1', 't2', 't3', 'b1', 'b2', 'master'];
    useAutomationModes.setState({ modes: { t2: 'latch', b1: 'touch' } });
    expect(sharedMode(useAutomationModes.getState().modes, channels)).toBeNull();
    for (const mode of ['write', 'touch', 'latch', 'read'] as const) {
      runMenuCommand(`all-channels-${mode}`);
      const { modes } = useAutomationModes.getState();
      expect(channels.map((channel) => modes[channel])).toEqual(channels.map(() => mode));
    }
  });
});
