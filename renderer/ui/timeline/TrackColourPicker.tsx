import { useEffect, useRef, useState } from 'react';
import { trackColourLabel } from '../../../src/model/edits/labels';
import { setTrackColour } from '../../../src/model/edits/track-edits';
import type { Track } from '../../../src/model/project-schema';
import { trackPalette } from '../../../src/model/track-colours';
import { useProject } from '../../state/project-store';

/** The track's colour swatch: click for the palette (or any colour); the clips on the track take it. */
export function TrackColourPicker({ track }: { track: Track }) {
  const [open, setOpen] = useState(false);
  const popup = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: PointerEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !popup.current?.parentElement?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', close);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('pointerdown', close);
      window.removeEventListener('keydown', close);
    };
  }, [open]);
  const choose = (colour: string) => {
    setOpen(false);
    if (colour !== track.colour) useProject.getState().edit(trackColourLabel(), (p) => setTrackColour(p, [track.id], colour));
  };
  return (
    <span className="track-colour">
      <button
        type="button"
        className="track-colour-swatch"
        style={{ background: track.colour }}
        aria-label={`Colour of ${track.name}`}
        aria-haspopup="true"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      />
      {open && (
        <div ref={popup} className="track-colour-popup" role="group" aria-label={`Colours for ${track.name}`}>
          {trackPalette.map((colour) => (
            <button
              key={colour}
              type="button"
              className="track-colour-choice"
              style={{ background: colour }}
              aria-label={colour}
              aria-pressed={colour === track.colour}
              onClick={() => choose(colour)}
            />
          ))}
          <input type="color" aria-label="Any colour" value={track.colour} onChange={(event) => choose(event.currentTarget.value)} />
        </div>
      )}
    </span>
  );
}
