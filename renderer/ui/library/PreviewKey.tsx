import { allKeys, displayKey } from '../../../src/analysis/musical-key';
import { useTransport } from '../../state/transport-store';
import { useUi } from '../../state/ui-store';

/**
 * The song's key and the "Key" switch beside the preview: while it is on, loops of a known key are
 * auditioned moved to the song's key by the smallest interval (±6 semitones), as they would sit in
 * the song. The key belongs to the view of the project (remembered per song, not in the file).
 */
export function PreviewKey() {
  const songKey = useUi((s) => s.songKey);
  const setSongKey = useUi((s) => s.setSongKey);
  const keySync = useTransport((s) => s.keySync);
  const setKeySync = useTransport((s) => s.setKeySync);
  return (
    <div className="preview-key">
      <label>
        <span>Song key</span>
        <select value={songKey ?? ''} aria-label="Song key" onChange={(event) => setSongKey(event.target.value === '' ? null : event.target.value)}>
          <option value="">Not set</option>
          {allKeys.map((key) => (
            <option key={key} value={key}>
              {displayKey(key)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className={`preview-key-sync ${keySync && songKey ? 'is-on' : ''}`}
        aria-pressed={keySync && songKey !== null}
        disabled={songKey === null}
        title={songKey === null ? 'Set the song’s key to hear loops in it' : `Hear loops moved to ${displayKey(songKey)}`}
        onClick={() => setKeySync(!keySync)}
      >
        Key
      </button>
    </div>
  );
}
