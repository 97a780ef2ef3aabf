/** What the transport room (play controls, position, tempo, meter, master level) offers the rest of the UI. */
export { CountInSelect } from './CountInSelect';
export { MasterMeter } from './MasterMeter';
export { MeterField } from './MeterField';
export { PositionDisplay } from './PositionDisplay';
export { RecordingInput } from './RecordingInput';
export { TempoField } from './TempoField';
export { TransportControls } from './TransportControls';
import './transport.css';
