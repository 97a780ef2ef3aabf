/** What the transport room (play controls, automation mode, position, tempo, meter, master level) offers the rest of the UI. */
export { AutomationModeSelect } from './AutomationModeSelect';
export { CountInSelect } from './CountInSelect';
export { MasterMeter } from './MasterMeter';
export { MeterField } from './MeterField';
export { PositionDisplay } from './PositionDisplay';
export { RecordingInput } from './RecordingInput';
export { TempoField } from './TempoField';
export { TransportControls } from './TransportControls';
import './transport.css';
