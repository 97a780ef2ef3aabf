import type { InstrumentType } from '../../../src/devices/instruments/catalog';
import { addInstrumentTrack } from '../../../src/model/edits/instrument-track-edits';
import { addInstrumentTrackLabel, addTrackLabel } from '../../../src/model/edits/labels';
import { loadKit, type KitPadSetting } from '../../../src/model/beats/pad-edits';
import { addTrack } from '../../../src/model/edits/track-edits';
import { useEditor } from '../../state/editor-store';
import { useProject } from '../../state/project-store';
import { reportError } from '../../state/session-store';
import { factoryKitPads } from '../factory-kit-files';
import { useTimeline } from '../../state/timeline-store';
import { useTransport } from '../../state/transport-store';
import { snapOptions, type SnapSetting } from '../../../src/model/snap';
import { zoomBy } from './zoom';

const instrumentNames: Record<InstrumentType, string> = { drums: 'Drum Machine', synth: 'Synth', sampler: 'Sampler' };

/**
 * Adds an instrument track (one undo step) and opens its empty clip in the beat editor. A drum
 * machine comes with the factory kit on its pads, so the first steps clicked make sound; when the
 * kit cannot be loaded the status line says why and the pads start empty.
 */
function addInstrument(type: InstrumentType): void {
  let kit: KitPadSetting[] | null = null;
  try {
    if (type === 'drums') kit = factoryKitPads();
  } catch (error) {
    reportError(error);
  }
  const added: { clip?: { trackId: string; clipId: string } } = {};
  useProject.getState().edit(addInstrumentTrackLabel(instrumentNames[type]), (p) => {
    const result = addInstrumentTrack(p, type);
    added.clip = { trackId: result.trackId, clipId: result.clipId };
    return kit ? loadKit(result.project, result.trackId, kit) : result.project;
  });
  if (!added.clip || !useProject.getState().project.tracks.some((track) => track.id === added.clip?.trackId)) return;
  useTimeline.getState().select([added.clip.clipId]);
  useEditor.getState().open(added.clip);
}

const snapNames: Record<SnapSetting, string> = {
  bar: 'Bar', '1/2': '1/2', beat: 'Beat', '1/8': '1/8', '1/16': '1/16', '1/32': '1/32',
  '1/4T': '1/4 triplet', '1/8T': '1/8 triplet', '1/16T': '1/16 triplet', off: 'Off',
};

/** Add track, grid, zoom, follow, overlap, automation-with-clips and loop switches for the arrangement. */
export function TimelineToolbar({ onZoomToFit }: { onZoomToFit: () => void }) {
  const snap = useTimeline((s) => s.snap);
  const setSnap = useTimeline((s) => s.setSnap);
  const follow = useTimeline((s) => s.follow);
  const setFollow = useTimeline((s) => s.setFollow);
  const loop = useProject((s) => s.project.loop);
  const looping = loop?.on === true;
  const toggleLooping = useTransport((s) => s.toggleLooping);
  const overlap = useTimeline((s) => s.overlap);
  const setOverlap = useTimeline((s) => s.setOverlap);
  const automationFollows = useTimeline((s) => s.automationFollowsClips);
  const setAutomationFollows = useTimeline((s) => s.setAutomationFollowsClips);
  return (
    <div className="timeline-toolbar" role="toolbar" aria-label="Arrangement tools">
      <button type="button" title="An empty audio track (to record on)" onClick={() => useProject.getState().edit(addTrackLabel(), (p) => addTrack(p, { name: `Audio ${p.tracks.length + 1}` }))}>
        Add audio track
      </button>
      <select
        aria-label="Add instrument track"
        title="A track with a drum machine (with the factory kit), a synth or a sampler, and an empty bar to fill, open in the beat editor"
        value=""
        onChange={(event) => {
          if (event.target.value) addInstrument(event.target.value as InstrumentType);
        }}
      >
        <option value="">Add instrument…</option>
        {(Object.keys(instrumentNames) as InstrumentType[]).map((type) => (
          <option key={type} value={type}>
            {instrumentNames[type]}
          </option>
        ))}
      </select>
      <label className="toolbar-field">
        <span>Grid</span>
        <select aria-label="Snap to grid" value={snap} onChange={(event) => setSnap(event.target.value as SnapSetting)}>
          {snapOptions.map((option) => (
            <option key={option} value={option}>
              {snapNames[option]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" aria-label="Zoom out" title="Zoom out (−)" onClick={() => zoomBy(1 / 1.5)}>
        −
      </button>
      <button type="button" aria-label="Zoom in" title="Zoom in (+)" onClick={() => zoomBy(1.5)}>
        +
      </button>
      <button type="button" aria-label="Zoom to fit" title="Show the whole song" onClick={onZoomToFit}>
        Fit
      </button>
      <button type="button" aria-label="Follow playhead" aria-pressed={follow} className={follow ? 'is-active' : ''} onClick={() => setFollow(!follow)}>
        Follow
      </button>
      <button
        type="button"
        aria-label="Layer overlapping clips"
        aria-pressed={overlap === 'layer'}
        className={overlap === 'layer' ? 'is-active' : ''}
        title={
          overlap === 'layer'
            ? 'On: a clip dropped over others lies on top and both play (as in FL Studio). Click to trim the clips underneath instead.'
            : 'Off: a clip dropped over others cuts away what it covers (as in Ableton Live). Click to layer clips instead.'
        }
        onClick={() => setOverlap(overlap === 'layer' ? 'trim' : 'layer')}
      >
        Layer
      </button>
      <button
        type="button"
        aria-label="Move automation with clips"
        aria-pressed={automationFollows}
        className={automationFollows ? 'is-active' : ''}
        title={
          automationFollows
            ? 'On: moving or duplicating clips takes the automation under them along. Click to leave automation in place.'
            : 'Off: automation stays where it is when clips move. Click to move it with the clips.'
        }
        onClick={() => setAutomationFollows(!automationFollows)}
      >
        Auto follows clips
      </button>
      <button
        type="button"
        aria-label="Loop"
        aria-pressed={looping}
        className={looping ? 'is-active' : ''}
        disabled={!loop}
        title={loop ? 'Loop the range on the ruler (L)' : 'Drag on the ruler to set a loop range'}
        onClick={toggleLooping}
      >
        Loop
      </button>
    </div>
  );
}
