import { useCallback, useState } from 'react';
import { addBusWithId, routeToNewBusWithId } from '../../../src/model/edits/bus-edits';
import { addBusLabel, routeToNewBusLabel } from '../../../src/model/edits/labels';
import { useProject } from '../../state/project-store';
import { useUi } from '../../state/ui-store';
import { AllChannelsModeSelect } from '../AllChannelsModeSelect';
import { DeviceEditor } from '../devices';
import { ChannelStrip } from './ChannelStrip';
import { mixerStrips } from './mixer-strips';
import './mixer.css';

/**
 * The mixer panel under the arrangement (F9 / Ctrl+M): a strip per track and per bus, scrolling
 * sideways when there are many, and the master pinned at the right. A strip's name is a toggle
 * that selects it (by mouse or keyboard, as many as wanted) for "Route selected to new bus".
 */
export function Mixer() {
  const project = useProject((s) => s.project);
  const edit = useProject((s) => s.edit);
  const [picked, setPicked] = useState<readonly string[]>([]);
  const { tracks, buses, master } = mixerStrips(project);
  const selected = picked.filter((id) => tracks.some((strip) => strip.id === id) || buses.some((strip) => strip.id === id));
  const onSelect = useCallback((id: string) => {
    setPicked((current) => (current.includes(id) ? current.filter((other) => other !== id) : [...current, id]));
  }, []);
  return (
    <section className="mixer" aria-label="Mixer">
      <header className="mixer-toolbar">
        <h2>Mixer</h2>
        <button type="button" onClick={() => edit(addBusLabel(), (p) => addBusWithId(p).project)}>
          Add bus
        </button>
        <button
          type="button"
          disabled={selected.length === 0}
          title={selected.length === 0 ? 'Click strip names to select the channels first' : undefined}
          onClick={() => {
            edit(routeToNewBusLabel(selected.length), (p) => routeToNewBusWithId(p, selected).project);
            setPicked([]);
          }}
        >
          Route selected to new bus{selected.length > 0 ? ` (${selected.length})` : ''}
        </button>
        <div className="mixer-spacer" />
        <AllChannelsModeSelect className="mixer-all-modes" />
        <button type="button" className="mixer-close" aria-label="Close the mixer" title="Close (F9)" onClick={() => useUi.getState().toggleMixer()}>
          ✕
        </button>
      </header>
      <div className="mixer-body">
        <div className="mixer-strips" role="group" aria-label="Channel strips">
          {tracks.map((strip) => (
            <ChannelStrip key={strip.id} strip={strip} buses={project.buses} selected={selected.includes(strip.id)} onSelect={onSelect} />
          ))}
          {tracks.length === 0 && <p className="mixer-empty">No tracks yet: add a sample to the arrangement.</p>}
          {buses.length > 0 && <div className="mixer-divider" aria-hidden="true" />}
          {buses.map((strip) => (
            <ChannelStrip key={strip.id} strip={strip} buses={project.buses} selected={selected.includes(strip.id)} onSelect={onSelect} />
          ))}
        </div>
        <div className="mixer-master">
          <ChannelStrip strip={master} buses={project.buses} selected={false} onSelect={onSelect} />
        </div>
      </div>
      <DeviceEditor />
    </section>
  );
}

/** The toolbar's Mixer button: shows or hides the mixer panel. */
export function MixerToggle() {
  const open = useUi((s) => s.mixerOpen);
  return (
    <button type="button" className="mixer-toggle" aria-pressed={open} title="Mixer (F9 or Ctrl+M)" onClick={() => useUi.getState().toggleMixer()}>
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <path d="M3 2v12M8 2v12M13 2v12" />
        <rect x="1.5" y="8" width="3" height="2.4" rx="0.6" />
        <rect x="6.5" y="4" width="3" height="2.4" rx="0.6" />
        <rect x="11.5" y="10" width="3" height="2.4" rx="0.6" />
      </svg>
      Mixer
    </button>
  );
}
