import { useEffect } from 'react';
import { useWarpSetting } from '../../state/warp-setting-store';

/** The user setting "Warp loops to the project tempo": loops placed from the library follow the song's tempo (one-shots never). */
export function WarpLoopsSetting() {
  const warpLoops = useWarpSetting((s) => s.warpLoops);
  const setWarpLoops = useWarpSetting((s) => s.setWarpLoops);
  useEffect(() => void useWarpSetting.getState().load(), []);
  return (
    <label className="warp-loops-setting" title="Loops dropped or added from the library follow the song’s tempo: beats mode for drums, tonal for the rest. One-shots play at their own speed.">
      <input type="checkbox" checked={warpLoops} onChange={(event) => void setWarpLoops(event.target.checked)} />
      Warp loops to the project tempo
    </label>
  );
}
