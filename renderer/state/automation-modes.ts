import { create } from 'zustand';
import type { AutomationMode } from './automation-recorder';

/**
 * Each channel's automation mode (a track's, a bus's or the master's, by its id), as its header
 * and mixer strip set it, or "All channels" sets it for every one; Read where none is set. View
 * state: not saved in the project.
 */
export const useAutomationModes = create<{
  readonly modes: Readonly<Record<string, AutomationMode>>;
  setMode(channel: string, mode: AutomationMode): void;
  /** Sets the mode of every channel in `channels`, in one change. */
  setModes(channels: readonly string[], mode: AutomationMode): void;
}>()((set) => ({
  modes: {},
  setMode: (channel, mode) => set((state) => ({ modes: { ...state.modes, [channel]: mode } })),
  setModes: (channels, mode) => set((state) => ({ modes: { ...state.modes, ...Object.fromEntries(channels.map((channel) => [channel, mode])) } })),
}));

/** The mode every one of `channels` is in, or null when they differ (or there are none). */
export function sharedMode(modes: Readonly<Record<string, AutomationMode>>, channels: readonly string[]): AutomationMode | null {
  const first = channels[0];
  if (first === undefined) return null;
  const mode = modes[first] ?? 'read';
  return channels.every((channel) => (modes[channel] ?? 'read') === mode) ? mode : null;
}

/** The automation mode of channel `channel` (a track, bus or "master" id). */
export function automationModeOf(channel: string): AutomationMode {
  return useAutomationModes.getState().modes[channel] ?? 'read';
}
