import { create } from 'zustand';
import { runtime } from './runtime';
import { reportError } from './session-store';

interface WarpSettingState {
  /** The user setting "Warp loops to the project tempo" (on unless turned off). */
  readonly warpLoops: boolean;
  /** Reads it from the user settings. */
  load(): Promise<void>;
  setWarpLoops(on: boolean): Promise<void>;
}

export const useWarpSetting = create<WarpSettingState>()((set) => ({
  warpLoops: true,
  async load() {
    try {
      set({ warpLoops: (await runtime().bridge.call('settings.get', {})).warpLoopsOnDrop });
    } catch (error) {
      reportError(error);
    }
  },
  async setWarpLoops(on) {
    set({ warpLoops: on });
    try {
      await runtime().bridge.call('settings.update', { warpLoopsOnDrop: on });
    } catch (error) {
      reportError(error);
    }
  },
}));
