import { automationModes, type AutomationMode } from '../../state/automation-recorder';
import { useAutomationMode } from '../../state/automation-writing';

const names: Record<AutomationMode, string> = { read: 'Read', touch: 'Touch', latch: 'Latch', write: 'Write' };
const hints: Record<AutomationMode, string> = {
  read: 'Read: automation plays; moving a control changes its value',
  touch: 'Touch: while playing, a control writes automation while you hold it',
  latch: 'Latch: while playing, a control writes automation from when you touch it until Stop',
  write: 'Write: while playing, a control you move writes automation from where Play started until Stop',
};

/** The automation mode for faders, pans, send levels and device knobs while the transport plays. */
export function AutomationModeSelect() {
  const mode = useAutomationMode((s) => s.mode);
  return (
    <label className={`automation-mode ${mode === 'read' ? '' : 'is-writing'}`} title={hints[mode]}>
      <span className="automation-mode-label">Auto</span>
      <select aria-label="Automation mode" value={mode} onChange={(event) => useAutomationMode.getState().setMode(event.target.value as AutomationMode)}>
        {automationModes.map((option) => (
          <option key={option} value={option} title={hints[option]}>
            {names[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
