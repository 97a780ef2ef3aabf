import { useEffect, useRef, useState } from 'react';
import { usePlay } from '../../state/play-store';
import { isTyping } from '../is-typing';
import { ComputerKeyboard } from './computer-keys';

const source = 'computer-keyboard';

/**
 * While `on`, the computer keyboard plays the armed track: its keys are taken before the app's
 * shortcuts (as in Ableton with the computer MIDI keyboard on), except while typing in a field or
 * with Ctrl/Alt/Cmd held. Losing the window's focus releases every held key.
 */
export function useComputerKeyboard(on: boolean): { readonly base: number; readonly velocity: number } {
  const keyboard = useRef(new ComputerKeyboard());
  const [shown, setShown] = useState({ base: keyboard.current.base, velocity: keyboard.current.velocity });
  useEffect(() => {
    if (!on) return;
    const keys = keyboard.current;
    const play = usePlay.getState();
    const onDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || !ComputerKeyboard.owns(event.code)) return;
      event.preventDefault();
      const action = keys.press(event.code, event.repeat);
      if (action?.kind === 'note-on') play.noteOn(source, action.pitch, action.velocity, event.timeStamp);
      else if (action) setShown({ base: keys.base, velocity: keys.velocity });
    };
    const onUp = (event: KeyboardEvent) => {
      const action = keys.release(event.code);
      if (action?.kind === 'note-off') play.noteOff(source, action.pitch, event.timeStamp);
    };
    const onBlur = () => {
      keys.releaseAll();
      play.releaseSource(source);
    };
    window.addEventListener('keydown', onDown, { capture: true });
    window.addEventListener('keyup', onUp, { capture: true });
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('keydown', onDown, { capture: true });
      window.removeEventListener('keyup', onUp, { capture: true });
      window.removeEventListener('blur', onBlur);
      onBlur();
    };
  }, [on]);
  return shown;
}
