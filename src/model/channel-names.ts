/** The name a track or bus is shown by: its own, or a placeholder while it has none. */
export function shownChannelName(kind: 'track' | 'bus', name: string): string {
  return name || (kind === 'track' ? 'Untitled track' : 'Untitled bus');
}
