import { create } from 'zustand';
import type { AppInfo } from '../../src/protocol/ipc';

export interface Notice {
  readonly kind: 'info' | 'error';
  readonly text: string;
  /** Items the text sums up (each file an import could not use), listed when the user opens it. */
  readonly details: readonly string[];
}

interface SessionState {
  readonly info: AppInfo | null;
  /** The latest thing the user should read, shown in the status bar. */
  readonly notice: Notice | null;
  setInfo(info: AppInfo): void;
  notify(kind: Notice['kind'], text: string, details?: readonly string[]): void;
}

export const useSession = create<SessionState>()((set) => ({
  info: null,
  notice: null,
  setInfo: (info) => set({ info }),
  notify: (kind, text, details = []) => set({ notice: { kind, text, details } }),
}));

/** Reports a failed action to the user in words, whatever was thrown. */
export function reportError(error: unknown): void {
  const text = error instanceof Error ? error.message : String(error);
  useSession.getState().notify('error', text);
}
