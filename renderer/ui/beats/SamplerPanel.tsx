import { useState } from 'react';
import { samplerSpec } from '../../../src/devices/instruments/sampler';
import { pitchName } from '../../../src/model/beats/scales';
import { setInstrumentParam, setSamplerRoot, setSamplerSample } from '../../../src/model/edits/instrument-edits';
import type { Instrument, Project, Track } from '../../../src/model/project-schema';
import { isSourceMissing, useProject } from '../../state/project-store';
import { useSamples } from '../../state/samples-store';
import { reportError } from '../../state/session-store';
import { chooseFile } from '../choose-file';
import { ParamControl } from '../devices';
import { loadedSample } from '../factory-kit-files';
import type { ParamEdit } from '../param-edit';
import { carriesSample, droppedSamplePath } from './dropped-sample';
import { NumberField } from './NumberField';
import { SamplerWaveform } from './SamplerWaveform';

type Sampler = Extract<Instrument, { type: 'sampler' }>;

/** Decodes `path` into the sample pool, then makes it the sampler's sample (one undo step). */
async function loadIntoSampler(trackId: string, path: string): Promise<void> {
  try {
    const file = await loadedSample(path);
    useProject.getState().edit(`Load ${file.info.name} into the Sampler`, (p) => setSamplerSample(p, trackId, { ...file, durationSeconds: file.info.frames / file.info.sampleRate }));
  } catch (error) {
    reportError(error);
  }
}

/**
 * The sampler's sound: its sample (dropped from the library or the OS, or chosen), the key that
 * plays it at its own pitch, its waveform with the start and loop markers, and every parameter of its catalog (tuning, envelopes, filter,
 * velocity, loop, voices) as the device editors' controls.
 */
export function SamplerPanel({ track, sampler, project }: { track: Track; sampler: Sampler; project: Project }) {
  const edit = useProject((s) => s.edit);
  const missing = useProject((s) => (sampler.zone ? isSourceMissing(s, sampler.zone.source) : false));
  const [hot, setHot] = useState(false);
  const zone = sampler.zone;
  const path = zone ? (project.sources[zone.source]?.path ?? '') : '';
  const info = useSamples((s) => s.byPath[path]);
  const sample = path.split(/[\\/]/).pop() ?? '';
  const paramEdit = (id: string, name: string): ParamEdit => ({
    label: `Change Sampler ${name}`,
    target: sampler.id,
    param: id,
    apply: (p, value) => setInstrumentParam(p, track.id, id, value),
  });
  return (
    <div className="sampler-panel" aria-label={`Sampler on ${track.name}`}>
      <div
        className={`sampler-sample${hot ? ' hot' : ''}${missing ? ' missing' : ''}`}
        onDragOver={(event) => {
          if (!carriesSample(event)) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setHot(true);
        }}
        onDragLeave={() => setHot(false)}
        onDrop={(event) => {
          if (!carriesSample(event)) return;
          event.preventDefault();
          setHot(false);
          void droppedSamplePath(event)
            .then((path) => (path ? loadIntoSampler(track.id, path) : undefined))
            .catch(reportError);
        }}
      >
        <span className="sampler-sample-name" title={sample}>
          {zone ? `${sample}${missing ? ' (missing)' : ''}` : 'No sample yet: drop one here from the library or your files, or choose one.'}
        </span>
        <button
          type="button"
          onClick={() =>
            void chooseFile('import-files').then((path) => {
              if (path) void loadIntoSampler(track.id, path);
            })
          }
        >
          Choose sample…
        </button>
        {zone && (
          <label title="The key that plays the sample at its own pitch">
            Root key
            <NumberField label="Root key (MIDI note)" value={zone.rootNote} min={0} max={127} onSet={(key) => edit('Change Sampler Root Key', (p) => setSamplerRoot(p, track.id, key))} />
            <span className="beats-note">{pitchName(zone.rootNote)}</span>
          </label>
        )}
      </div>
      {zone && info ? (
        <SamplerWaveform trackId={track.id} zone={zone} info={info} loopOn={(sampler.params['loop'] ?? 0) >= 0.5} crossfadeMs={sampler.params['loopCrossfadeMs'] ?? 0} />
      ) : null}
      <div className="device-params sampler-params">
        {samplerSpec.params.map((spec) => (
          <ParamControl key={spec.id} edit={paramEdit(spec.id, spec.name)} ownerName="Sampler" spec={spec} value={sampler.params[spec.id] ?? spec.default} />
        ))}
      </div>
    </div>
  );
}
