import { useRef, useState } from 'react';
import { useSession } from '../../state/session-store';

interface ValueFieldProps {
  /** What the value is, for assistive technology: "Volume of Drums". */
  readonly label: string;
  readonly text: string;
  /** The unit typed values are in, for the hint: "dB". */
  readonly unit: string;
  /** An example the error message offers: "−6 or +1.5". */
  readonly example: string;
  readonly parse: (text: string) => number | null;
  readonly onSet: (value: number) => void;
  readonly className?: string;
}

/**
 * A control's value as text; click it (or press Enter on it) to type a new one. Enter or leaving
 * the field sets it, Escape keeps the old one; text that is not a value is refused with a hint.
 */
export function ValueField({ label, text, unit, example, parse, onSet, className = '' }: ValueFieldProps) {
  const [typing, setTyping] = useState(false);
  const settled = useRef(false);
  if (!typing) {
    return (
      <button type="button" className={`value-field ${className}`} aria-label={`${label}: ${text}${unit ? ` ${unit}` : ''}, click to type`} title="Click to type a value" onClick={() => {
          settled.current = false;
          setTyping(true);
        }}>
        {text}
      </button>
    );
  }
  const done = (input: HTMLInputElement, commit: boolean) => {
    if (settled.current) return;
    settled.current = true;
    setTyping(false);
    if (!commit) return;
    const value = parse(input.value);
    if (value === null) useSession.getState().notify('error', `“${input.value}” is not a value for ${label}: type a number${unit ? ` in ${unit}` : ''}, like ${example}.`);
    else onSet(value);
  };
  return (
    <input
      className={`value-field-input ${className}`}
      aria-label={`${label}${unit ? ` in ${unit}` : ''}`}
      defaultValue={text}
      autoFocus
      onFocus={(event) => event.currentTarget.select()}
      onBlur={(event) => done(event.currentTarget, true)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          event.currentTarget.blur();
        } else if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          done(event.currentTarget, false);
        }
      }}
    />
  );
}
