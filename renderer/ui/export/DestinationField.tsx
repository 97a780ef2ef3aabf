import { chooseFile } from '../choose-file';
import type { ExportDestination } from './export-destination';

/** The export's file: typed, or chosen with the file chooser; below it, the absolute paths the export will write. */
export function DestinationField({ outPath, onChange, destination, defaultFolder, disabled }: { outPath: string; onChange: (path: string) => void; destination: ExportDestination; defaultFolder: string; disabled: boolean }) {
  const choose = async () => {
    const chosen = await chooseFile('export-audio', { defaultPath: destination.mix ?? defaultFolder });
    if (chosen) onChange(chosen);
  };
  return (
    <div className="wide export-destination">
      <label>
        Save as
        <span className="export-destination-row">
          <input aria-label="Export file path" value={outPath} onChange={(e) => onChange(e.target.value)} disabled={disabled} spellCheck={false} />
          <button type="button" onClick={() => void choose()} disabled={disabled} title="Choose the folder and file name">
            Choose…
          </button>
        </span>
      </label>
      <p className="export-destination-paths" aria-label="Export destination" role="group">
        {destination.mix ? (
          <>
            Writes <code>{destination.mix}</code>
          </>
        ) : (
          'No mix file: only stems.'
        )}
        {destination.stems && (
          <>
            <br />
            Stems into <code>{destination.stems}</code>
          </>
        )}
        <br />
        <small>A name without a folder goes into {defaultFolder}.</small>
      </p>
    </div>
  );
}
