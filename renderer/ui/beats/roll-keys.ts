/**
 * The piano roll's keyboard commands on the selection: transpose (↑/↓ a semitone, Shift an
 * octave), nudge (←/→ a grid step; Alt a 1/128), delete, select all, copy, paste, duplicate,
 * quantize. Returns the command for a key press, or null when the key is not the roll's.
 */
export type RollCommand =
  | { kind: 'transpose'; semitones: number }
  | { kind: 'nudge'; steps: number; fine: boolean }
  | { kind: 'delete' }
  | { kind: 'select-all' }
  | { kind: 'deselect' }
  | { kind: 'copy' }
  | { kind: 'cut' }
  | { kind: 'paste' }
  | { kind: 'duplicate' }
  | { kind: 'quantize' };

/** What the roll reads of a key press. */
export interface KeyPress {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
}

export function rollCommand(event: KeyPress): RollCommand | null {
  const mod = event.ctrlKey || event.metaKey;
  switch (event.key) {
    case 'ArrowUp':
    case 'ArrowDown':
      return { kind: 'transpose', semitones: (event.key === 'ArrowUp' ? 1 : -1) * (event.shiftKey ? 12 : 1) };
    case 'ArrowLeft':
    case 'ArrowRight':
      return { kind: 'nudge', steps: event.key === 'ArrowRight' ? 1 : -1, fine: event.altKey };
    case 'Delete':
    case 'Backspace':
      return { kind: 'delete' };
    case 'Escape':
      return { kind: 'deselect' };
  }
  if (!mod) return event.key === 'q' || event.key === 'Q' ? { kind: 'quantize' } : null;
  switch (event.key.toLowerCase()) {
    case 'a':
      return { kind: 'select-all' };
    case 'c':
      return { kind: 'copy' };
    case 'x':
      return { kind: 'cut' };
    case 'v':
      return { kind: 'paste' };
    case 'd':
      return { kind: 'duplicate' };
    default:
      return null;
  }
}
