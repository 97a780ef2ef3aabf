import { describeGain, describePan } from './channel-values';
import { Knob } from '../Knob';
import { panEdit, volumeEdit } from './channel-param-edits';
import { gainScale, panScale } from './value-scales';

/** A track header's compact volume and pan knobs: the mixer strip's controls, same gestures and keys. */
export function TrackMixControls({ trackId, name, gainDb, pan }: { trackId: string; name: string; gainDb: number; pan: number }) {
  return (
    <div className="track-mix">
      <Knob
        label={`Volume of ${name}`}
        value={gainDb}
        scale={gainScale}
        edit={volumeEdit(trackId, 'Track')}
        describe={describeGain}
        title={`Volume ${describeGain(gainDb)}: drag (Shift: fine), double-click for 0 dB`}
      />
      <Knob
        label={`Pan of ${name}`}
        value={pan}
        scale={panScale}
        edit={panEdit(trackId, 'Track')}
        describe={describePan}
        bipolar
        title={`Pan ${describePan(pan)}: drag (Shift: fine), double-click to centre`}
      />
    </div>
  );
}
