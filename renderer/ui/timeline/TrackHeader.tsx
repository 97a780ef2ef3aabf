import { memo, useState } from 'react';
import { renameTrackLabel } from '../../../src/model/edits/labels';
import { shownChannelName } from '../../../src/model/channel-names';
import { toggleMute, toggleSolo } from '../../../src/model/edits/channel-edits';
import { deleteTracks, moveTrack, renameTrack } from '../../../src/model/edits/track-edits';
import type { Track } from '../../../src/model/project-schema';
import { useProject } from '../../state/project-store';
import { TrackMixControls } from '../mixer';
import { AutomationModeSelect } from '../AutomationModeSelect';
import { InlineNameInput } from '../InlineNameInput';
import { ArmToggle } from './ArmToggle';
import { AutomationToggle } from './AutomationToggle';
import { MonitorSelect } from './MonitorSelect';
import { TakesToggle } from './TakesToggle';
import { TrackColourPicker } from './TrackColourPicker';
import { TrackResizeHandle } from './TrackResizeHandle';

/** A track's colour, name (double-click to rename), input monitoring, automation mode, volume, pan, mute, solo, record arm, delete and height; drag the grip to reorder. */
export const TrackHeader = memo(function TrackHeader({ track, index }: { track: Track; index: number }) {
  const edit = useProject((s) => s.edit);
  const [renaming, setRenaming] = useState(false);
  const rename = (name: string | null) => {
    setRenaming(false);
    if (name) edit(renameTrackLabel(), (p) => renameTrack(p, track.id, name));
  };
  return (
    <div
      className="track-header"
      data-track-id={track.id}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes('application/x-glowroom-track')) event.preventDefault();
      }}
      onDrop={(event) => {
        const dragged = event.dataTransfer.getData('application/x-glowroom-track');
        if (dragged && dragged !== track.id) edit('Move Track', (p) => moveTrack(p, dragged, index));
      }}
    >
      <span
        className="track-grip"
        draggable
        aria-hidden="true"
        title="Drag to reorder"
        onDragStart={(event) => event.dataTransfer.setData('application/x-glowroom-track', track.id)}
      >
        ⋮⋮
      </span>
      <TrackColourPicker track={track} />
      <div className="track-main">
        {renaming ? (
          <InlineNameInput className="track-name-input" label="Track name" initial={track.name} onDone={rename} />
        ) : (
          <div className="track-name-row">
            <span
              className="track-name"
              title="Double-click to rename"
              onDoubleClick={() => setRenaming(true)}
            >
              {shownChannelName('track', track.name)}
            </span>
            <TakesToggle track={track} />
            <MonitorSelect track={track} />
            <AutomationModeSelect channel={track.id} name={track.name} className="track-automation-mode" />
          </div>
        )}
        <div className="track-controls">
          <TrackMixControls trackId={track.id} name={track.name} gainDb={track.channel.gainDb} pan={track.channel.pan} />
          <div className="track-buttons">
            <button
              type="button"
              className={`track-toggle ${track.channel.mute ? 'is-muted' : ''}`}
              aria-label={`Mute ${track.name}`}
              aria-pressed={track.channel.mute}
              onClick={() => edit(track.channel.mute ? 'Unmute Track' : 'Mute Track', (p) => toggleMute(p, [track.id]))}
            >
              M
            </button>
            <button
              type="button"
              className={`track-toggle ${track.channel.solo ? 'is-soloed' : ''}`}
              aria-label={`Solo ${track.name}`}
              aria-pressed={track.channel.solo}
              onClick={() => edit(track.channel.solo ? 'Unsolo Track' : 'Solo Track', (p) => toggleSolo(p, [track.id]))}
            >
              S
            </button>
            <ArmToggle track={track} />
            <AutomationToggle owner={track} />
            <button type="button" className="track-toggle" aria-label={`Delete ${track.name}`} title="Delete track" onClick={() => edit('Delete Track', (p) => deleteTracks(p, [track.id]))}>
              ✕
            </button>
          </div>
        </div>
      </div>
      <TrackResizeHandle track={track} />
    </div>
  );
});
