import { automationModes, type AutomationMode } from '../state/automation-recorder';
import { useAutomationModes } from '../state/automation-modes';
import './automation-mode.css';

/** What each mode is called, and what it does (a control's tooltip). */
export const modeNames: Record<AutomationMode, string> = { read: 'Read', touch: 'Touch', latch: 'Latch', write: 'Write' };
export const modeHints: Record<AutomationMode, string> = {
  read: 'Automation Read: lanes play; moving a control changes its value',
  touch: 'Automation Touch: while playing, a control writes automation while you hold it',
  latch: 'Automation Latch: while playing, a control writes automation from when you touch it until Stop',
  write: 'Automation Write: while playing, a control you move writes automation from where Play started until Stop',
};

/**
 * A channel's automation mode (a track's header, a mixer strip): how its fader, pan, sends and
 * device knobs write automation while the transport plays. Red while it writes.
 */
export function AutomationModeSelect({ channel, name, className }: { channel: string; name: string; className: string }) {
  const mode = useAutomationModes((s) => s.modes[channel] ?? 'read');
  return (
    <select
      className={`automation-mode-select ${className} ${mode === 'read' ? '' : 'is-writing'}`}
      aria-label={`Automation mode of ${name}`}
      title={modeHints[mode]}
      value={mode}
      onChange={(event) => useAutomationModes.getState().setMode(channel, event.target.value as AutomationMode)}
    >
      {automationModes.map((option) => (
        <option key={option} value={option} title={modeHints[option]}>
          {modeNames[option]}
        </option>
      ))}
    </select>
  );
}
