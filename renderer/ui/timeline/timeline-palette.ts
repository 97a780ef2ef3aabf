/** The colours the arrangement canvas paints with, taken from the theme's CSS variables so the canvas and the DOM never disagree. */
export interface TimelinePalette {
  readonly laneBackground: string;
  readonly rulerBackground: string;
  readonly rowLine: string;
  readonly beatLine: string;
  readonly barLine: string;
  /** Body and edge of a muted clip, whatever its track's colour. */
  readonly mutedClip: string;
  readonly mutedWaveform: string;
  readonly selectionEdge: string;
  readonly missingFill: string;
  readonly missingEdge: string;
  readonly waveform: string;
  readonly fadeShade: string;
  /** Over the part of a clip that a later clip covers: a shade, hatch lines and its edges; round a clip lying over another. */
  readonly overlapShade: string;
  readonly overlapShadow: string;
  readonly overlapHatch: string;
  readonly overlapEdge: string;
  readonly handle: string;
  readonly markerLine: string;
  readonly gainLine: string;
  readonly loopHandle: string;
  readonly text: string;
  readonly textMuted: string;
  readonly textFaint: string;
  readonly font: string;
  readonly monoFont: string;
}

export function readTimelinePalette(element: Element): TimelinePalette {
  const style = getComputedStyle(element);
  const variable = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    laneBackground: variable('--surface-0', '#0e1015'),
    rulerBackground: variable('--surface-1', '#14161c'),
    rowLine: variable('--border', '#2c313e'),
    beatLine: variable('--surface-2', '#1b1e26'),
    barLine: variable('--border-strong', '#414859'),
    mutedClip: variable('--text-faint', '#666d7e'),
    mutedWaveform: 'rgb(154 161 178 / 0.45)',
    selectionEdge: variable('--select', '#8f7cff'),
    missingFill: withAlpha(variable('--danger', '#ff6b6b'), 0.18),
    missingEdge: variable('--danger', '#ff6b6b'),
    waveform: 'rgb(255 236 200 / 0.75)',
    fadeShade: 'rgb(0 0 0 / 0.45)',
    overlapShade: 'rgb(0 0 0 / 0.45)',
    overlapShadow: 'rgb(0 0 0 / 0.75)',
    overlapHatch: 'rgb(255 255 255 / 0.35)',
    overlapEdge: variable('--text', '#e7e9ef'),
    handle: variable('--text', '#e7e9ef'),
    gainLine: 'rgb(231 233 239 / 0.35)',
    markerLine: withAlpha(variable('--playhead', '#ffd27a'), 0.35),
    loopHandle: variable('--select', '#8f7cff'),
    text: variable('--text', '#e7e9ef'),
    textMuted: variable('--text-muted', '#9aa1b2'),
    textFaint: variable('--text-faint', '#666d7e'),
    font: `${variable('--text-xs', '11px')} ${variable('--font-ui', 'sans-serif')}`,
    monoFont: `${variable('--text-xs', '11px')} ${variable('--font-mono', 'monospace')}`,
  };
}

const tints = new Map<string, string>();

/** `#rrggbb` with an alpha, as a CSS colour (remembered: the canvas asks for the same few tints every frame). */
export function withAlpha(hex: string, alpha: number): string {
  const key = `${hex}/${alpha}`;
  const known = tints.get(key);
  if (known) return known;
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  const [, r, g, b] = match ?? [];
  const tint = match ? `rgb(${parseInt(r ?? '0', 16)} ${parseInt(g ?? '0', 16)} ${parseInt(b ?? '0', 16)} / ${alpha})` : hex;
  tints.set(key, tint);
  return tint;
}
