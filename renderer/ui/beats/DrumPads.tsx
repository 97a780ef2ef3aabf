import { useState, type DragEvent, type KeyboardEvent } from 'react';
import { drumPadBasePitch, drumPadParams } from '../../../src/devices/instruments/catalog';
import { clearPadSample, renamePad, setPadOutput, setPadParam } from '../../../src/model/beats/pad-edits';
import type { DrumPad, Project, Track } from '../../../src/model/project-schema';
import { useShallow } from 'zustand/react/shallow';
import { missingNow, useProject } from '../../state/project-store';
import { reportError } from '../../state/session-store';
import { chooseFile } from '../choose-file';
import { ParamControl } from '../devices';
import type { ParamEdit } from '../param-edit';
import { carriesSample, droppedSamplePath } from './dropped-sample';
import { KitMenu } from './KitMenu';
import { chopLoopOnPads, loadFactoryKit, putSampleOnPad, type ChopMode } from './pad-files';

type Drums = Extract<NonNullable<Track['instrument']>, { type: 'drums' }>;

/** Keys that play the pads, bottom row first as on an MPC: Z X C V = pads 1–4 … 1 2 3 4 = pads 13–16. */
const padKeys = ['z', 'x', 'c', 'v', 'a', 's', 'd', 'f', 'q', 'w', 'e', 'r', '1', '2', '3', '4'];
/** The 4×4 grid top row first: pads 13–16 on top, 1–4 at the bottom. */
const gridOrder = [12, 13, 14, 15, 8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3];

/**
 * The drum machine's pads: a 4×4 grid (or a list) that plays on click and from the keyboard,
 * takes a sample dropped from the library or the operating system (or picked), and the chosen
 * pad's settings. The kit bar loads the factory kit; a drum loop dropped on the chop zone is
 * cut onto the pads with the pattern that replays it. Kits save and load as presets.
 */
export function DrumPads({ track, drums, project, patternId, audition }: { track: Track; drums: Drums; project: Project; patternId: string; audition: (pitch: number) => void }) {
  const [chosen, setChosen] = useState(0);
  const [layout, setLayout] = useState<'grid' | 'list'>('grid');
  const [chop, setChop] = useState<ChopMode>('transients');
  const [hot, setHot] = useState<number | 'chop' | null>(null);
  const play = (index: number) => {
    setChosen(index);
    audition(drumPadBasePitch + index);
  };
  const dropOn = (target: number | 'chop') => ({
    onDragOver(event: DragEvent) {
      if (!carriesSample(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      setHot(target);
    },
    onDragLeave() {
      setHot(null);
    },
    onDrop(event: DragEvent) {
      if (!carriesSample(event)) return;
      event.preventDefault();
      setHot(null);
      void droppedSamplePath(event)
        .then((path) => {
          if (!path) return;
          if (target === 'chop') return chopLoopOnPads(track.id, patternId, path, chop);
          setChosen(target);
          return putSampleOnPad(track.id, target, path);
        })
        .catch(reportError);
    },
  });
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    const index = padKeys.indexOf(event.key.toLowerCase());
    if (index < 0) return;
    event.preventDefault();
    play(index);
  };
  const sampleOf = (pad: DrumPad) => (pad.source ? (project.sources[pad.source]?.path.split(/[\\/]/).pop() ?? '') : '');
  // Pads whose sample was not found when the project opened: marked, silent until relinked.
  const missingSources = useProject(useShallow((s) => missingNow(s).map((m) => m.sourceId)));
  const isMissing = (pad: DrumPad) => pad.source !== null && missingSources.includes(pad.source);
  return (
    <div className="drum-pads" aria-label="Drum machine">
      <div className="beats-toolbar">
        <button type="button" onClick={() => loadFactoryKit(track.id)}>
          Factory kit
        </button>
        <KitMenu trackId={track.id} />
        <span className="beats-choice" role="group" aria-label="Pad layout">
          <button type="button" aria-pressed={layout === 'grid'} onClick={() => setLayout('grid')}>
            4×4
          </button>
          <button type="button" aria-pressed={layout === 'list'} onClick={() => setLayout('list')}>
            List
          </button>
        </span>
        <span className="beats-spacer" />
        <div className={`chop-zone${hot === 'chop' ? ' hot' : ''}`} {...dropOn('chop')} aria-label="Drop a drum loop to chop it onto the pads">
          Drop a drum loop here to chop it onto the pads, cut at
          <select value={chop} aria-label="Chop at" onChange={(e) => setChop(e.target.value as ChopMode)}>
            <option value="transients">transients</option>
            <option value="1/8">every 1/8</option>
            <option value="1/16">every 1/16</option>
          </select>
        </div>
      </div>
      <div className="pads-main">
        {layout === 'grid' ? (
          <div className="pad-grid" role="group" aria-label="Pads" tabIndex={0} onKeyDown={onKeyDown}>
            {gridOrder.map((index) => {
              const pad = drums.pads[index]!;
              return (
                <button
                  key={index}
                  type="button"
                  className={`pad${index === chosen ? ' chosen' : ''}${pad.source ? '' : ' empty'}${isMissing(pad) ? ' missing' : ''}${hot === index ? ' hot' : ''}`}
                  aria-label={`Pad ${index + 1} ${pad.name}${isMissing(pad) ? ' (missing sample)' : ''}`}
                  title={isMissing(pad) ? `${sampleOf(pad)} is missing: relink it in the Missing audio list, or choose another sample` : undefined}
                  onPointerDown={(e) => e.button === 0 && play(index)}
                  {...dropOn(index)}
                >
                  <span className="pad-name">{pad.name || 'Empty'}</span>
                  <span className="pad-key">{padKeys[index]!.toUpperCase()}</span>
                </button>
              );
            })}
          </div>
        ) : (
          <table className="pad-list" aria-label="Pads" tabIndex={0} onKeyDown={onKeyDown}>
            <thead>
              <tr>
                <th>Pad</th>
                <th>Name</th>
                <th>Sample</th>
                <th>Key</th>
              </tr>
            </thead>
            <tbody>
              {drums.pads.map((pad, index) => (
                <tr key={index} className={index === chosen ? 'chosen' : ''} onPointerDown={() => play(index)} {...dropOn(index)}>
                  <td>{index + 1}</td>
                  <td>{pad.name || 'Empty'}</td>
                  <td className={isMissing(pad) ? 'pad-missing' : undefined}>{isMissing(pad) ? `${sampleOf(pad)} (missing)` : sampleOf(pad)}</td>
                  <td>{padKeys[index]!.toUpperCase()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <PadSettings track={track} pad={drums.pads[chosen]!} index={chosen} sample={isMissing(drums.pads[chosen]!) ? `${sampleOf(drums.pads[chosen]!)} (missing)` : sampleOf(drums.pads[chosen]!)} project={project} />
      </div>
    </div>
  );
}

function PadSettings({ track, pad, index, sample, project }: { track: Track; pad: DrumPad; index: number; sample: string; project: Project }) {
  const edit = useProject((s) => s.edit);
  const owner = `Pad ${index + 1}`;
  const paramEdit = (id: string, name: string): ParamEdit => ({
    label: `Change ${owner} ${name}`,
    target: `${track.instrument?.id ?? track.id}/pad${index}`,
    param: id,
    apply: (p, value) => setPadParam(p, track.id, index, id, value),
  });
  return (
    <div className="pad-settings" aria-label={`${owner} settings`}>
      <label className="pad-field">
        Name
        <input
          key={`${index}:${pad.name}`}
          defaultValue={pad.name}
          aria-label={`${owner} name`}
          maxLength={200}
          onBlur={(e) => edit(`Rename ${owner}`, (p) => renamePad(p, track.id, index, e.target.value))}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        />
      </label>
      <div className="pad-field">
        <span className="pad-sample" title={sample}>
          {sample || 'No sample'}
        </span>
        <button
          type="button"
          onClick={() =>
            void chooseFile('import-files').then((path) => {
              if (path) void putSampleOnPad(track.id, index, path);
            })
          }
        >
          Choose…
        </button>
        {pad.source && (
          <button type="button" onClick={() => edit(`Clear ${owner}`, (p) => clearPadSample(p, track.id, index))}>
            Clear
          </button>
        )}
      </div>
      <div className="pad-params">
        {drumPadParams.map((spec) => (
          <ParamControl key={spec.id} edit={paramEdit(spec.id, spec.name)} ownerName={owner} spec={spec} value={pad.params[spec.id] ?? spec.default} />
        ))}
      </div>
      <label className="pad-field">
        Output
        <select value={pad.output ?? ''} aria-label={`${owner} output`} onChange={(e) => edit(`Route ${owner}`, (p) => setPadOutput(p, track.id, index, e.target.value || null))}>
          <option value="">{track.name} (the drum track)</option>
          {project.buses.map((bus) => (
            <option key={bus.id} value={bus.id}>
              {bus.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
