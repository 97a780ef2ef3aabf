import type { SampleRow } from '../../src/protocol/ipc';
import { Clock } from '../../src/std/clock';
import { beats } from '../../src/std/units';
import { useLibrary } from './library-store';
import { placementTiming, warpModeOf } from './loop-timing';
import { useProject } from './project-store';
import { useTempoQuestion } from './tempo-question-store';
import { useWarpSetting } from './warp-setting-store';

/**
 * Places a library sample at `startBeats` on `trackId` (null: a new track), as `placementTiming`
 * says. A tempo the user gives is kept in the library (so it is not asked again) and becomes the
 * clip's source tempo; cancelling the question places nothing.
 */
export async function placeLibrarySample(row: SampleRow, startBeats: number, trackId: string | null): Promise<void> {
  const timing = placementTiming(row, useWarpSetting.getState().warpLoops);
  if (timing !== 'ask') return useProject.getState().addFile(row.path, startBeats, trackId, timing);
  const { project } = useProject.getState();
  const clock = Clock.of(project);
  const answer = await useTempoQuestion.getState().ask({ name: row.name, durationSeconds: row.duration, barBeats: clock.barLength(clock.barAt(beats(startBeats))), placing: true });
  if (answer === null) return;
  if (answer === 'unwarped') return useProject.getState().addFile(row.path, startBeats, trackId, null);
  await useLibrary.getState().setTempo(row.path, answer);
  return useProject.getState().addFile(row.path, startBeats, trackId, { mode: warpModeOf(row), sourceTempo: answer });
}
