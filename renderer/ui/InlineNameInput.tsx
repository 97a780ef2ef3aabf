import { useRef, useState } from 'react';
import { maxNameLength } from '../../src/model/edits/clip-math';

/**
 * A name field that replaces a label while renaming: Enter or leaving it gives the trimmed name
 * (null when empty or unchanged), Escape gives null. It reports once.
 */
export function InlineNameInput({ label, className, initial, onDone }: { label: string; className: string; initial: string; onDone: (name: string | null) => void }) {
  const [draft, setDraft] = useState(initial);
  const done = useRef(false);
  const finish = (name: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(name && name !== initial ? name : null);
  };
  return (
    <input
      className={className}
      aria-label={label}
      autoFocus
      value={draft}
      maxLength={maxNameLength}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={() => finish(draft.trim())}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') finish(draft.trim());
        if (event.key === 'Escape') finish(null);
      }}
    />
  );
}
