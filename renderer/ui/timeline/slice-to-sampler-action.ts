import { onsetsFromPeaks } from '../../../src/analysis/onsets';
import { transientChopPositions } from '../../../src/model/edits/chop';
import { resolveClip, type ClipRef } from '../../../src/model/edits/selection';
import { sliceToSampler, sliceToSamplerLabel } from '../../../src/model/edits/slice-to-sampler';
import type { Project } from '../../../src/model/project-schema';
import { useProject } from '../../state/project-store';
import { sourceDurationsOf, useSamples } from '../../state/samples-store';
import { useSession } from '../../state/session-store';
import { useTimeline } from '../../state/timeline-store';

/** A clip's transients in timeline beats, found in its source's stored peaks (none while they load). */
export function clipTransientBeats(project: Project, ref: ClipRef): number[] {
  const clip = resolveClip(project, ref)?.clip;
  if (clip?.kind !== 'audio' || clip.reverse) return [];
  const info = useSamples.getState().byPath[project.sources[clip.source]?.path ?? ''];
  return info ? transientChopPositions(clip, onsetsFromPeaks(info.peaks, info.frames / info.sampleRate), project) : [];
}

/**
 * Slice to Sampler (the clip menu, the waveform editor), one undo step: the pieces of a chopped
 * loop when `refs` holds several, else the one clip cut at `cutBeats` (its transients when not
 * given). A refusal is shown as a notice; the new note clip is selected.
 */
export function sliceToSamplerFrom(refs: readonly ClipRef[], cutBeats?: readonly number[]): void {
  const project = useProject.getState().project;
  const first = refs[0];
  const cuts = cutBeats ?? (refs.length === 1 && first ? clipTransientBeats(project, first) : []);
  let refused: string | null = null;
  let created: string | null = null;
  useProject.getState().edit(sliceToSamplerLabel, (p) => {
    const result = sliceToSampler(p, refs, cuts, { sourceDurations: sourceDurationsOf(p, useSamples.getState().byPath) });
    if ('refused' in result) {
      refused = result.refused;
      return p;
    }
    created = result.clipId;
    return result.project;
  });
  if (refused !== null) useSession.getState().notify('info', refused);
  if (created !== null) useTimeline.getState().select([created]);
}
