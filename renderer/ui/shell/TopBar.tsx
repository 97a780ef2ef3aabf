import { MixerToggle } from '../mixer';
import { FileControls } from '../project';
import { CountInSelect, MasterMeter, MeterField, PositionDisplay, RecordingInput, TempoField, TransportControls } from '../transport';
import { HelpMenu } from './HelpMenu';
import { UndoRedo } from './UndoRedo';

export function TopBar() {
  return (
    <header className="topbar">
      <div className="brand" aria-label="Glowroom">
        <svg viewBox="0 0 64 64" aria-hidden="true"><path d="M10 34h6l4-12 6 22 6-30 6 26 5-14 3 8h8" /></svg>
        <span>Glowroom</span>
      </div>
      <TransportControls />
      <CountInSelect />
      <RecordingInput />
      <PositionDisplay />
      <TempoField />
      <MeterField />
      <UndoRedo />
      <div className="topbar-spacer" />
      <MixerToggle />
      <FileControls />
      <HelpMenu />
      <MasterMeter />
    </header>
  );
}
