import type { Track } from '../../../src/model/project-schema';
import { takeLaneHeight } from './take-lanes';

/**
 * Where a track's row sits: `top` in pixels from the first row (just under the ruler); `height`
 * is its clips' lane, `span` that plus its open take lanes (`takeLanes`: the passes shown, one
 * lane of `takeLaneHeight` each, right under the clips' lane) and its open automation rows.
 */
export interface TrackRow {
  readonly track: Track;
  readonly index: number;
  readonly top: number;
  readonly height: number;
  readonly span: number;
  readonly takeLanes: readonly number[];
}

/**
 * The rows of the arrangement, top to bottom, and their total height; `below` gives the pixels of
 * a track's automation rows, `takeLanes` the passes whose take lanes are open.
 */
export function trackRows(
  tracks: readonly Track[],
  below: (track: Track) => number = () => 0,
  takeLanes: (track: Track) => readonly number[] = () => [],
): { readonly rows: readonly TrackRow[]; readonly height: number } {
  const rows: TrackRow[] = [];
  let top = 0;
  tracks.forEach((track, index) => {
    const lanes = takeLanes(track);
    const span = track.height + lanes.length * takeLaneHeight + below(track);
    rows.push({ track, index, top, height: track.height, span, takeLanes: lanes });
    top += span;
  });
  return { rows, height: top };
}

/** The row at a pixel of the row area, or null below the last row (and above the first). */
export function rowAt(rows: readonly TrackRow[], y: number): TrackRow | null {
  return rowsBetween(rows, y, y + 1)[0] ?? null;
}

/** The rows that overlap pixels [top, bottom) of the row area. Rows are sorted, so this is a binary search. */
export function rowsBetween(rows: readonly TrackRow[], top: number, bottom: number): readonly TrackRow[] {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const row = rows[mid];
    if (row && row.top + row.span <= top) low = mid + 1;
    else high = mid;
  }
  const shown: TrackRow[] = [];
  for (let i = low; i < rows.length; i++) {
    const row = rows[i];
    if (!row || row.top >= bottom) break;
    shown.push(row);
  }
  return shown;
}
