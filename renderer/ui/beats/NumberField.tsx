import type { KeyboardEvent } from 'react';

interface NumberFieldProps {
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly title?: string;
  readonly className?: string;
  readonly onSet: (value: number) => void;
}

/**
 * A whole number typed in: set on Enter or on leaving the field (not on every keystroke, so typing
 * "32" never passes through 3 and drops the notes past step 3); Escape puts the old value back.
 */
export function NumberField({ label, value, min, max, title, className, onSet }: NumberFieldProps) {
  const settle = (input: HTMLInputElement) => {
    const typed = Number(input.value);
    if (input.value.trim() === '' || !Number.isFinite(typed)) input.value = String(value);
    else if (typed !== value) onSet(typed);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') settle(event.currentTarget);
    if (event.key === 'Escape') {
      event.currentTarget.value = String(value);
      event.currentTarget.blur();
    }
  };
  return (
    <input
      key={value}
      type="number"
      className={className}
      min={min}
      max={max}
      defaultValue={value}
      aria-label={label}
      title={title}
      onBlur={(event) => settle(event.currentTarget)}
      onKeyDown={onKeyDown}
    />
  );
}
