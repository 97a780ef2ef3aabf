import { useEffect, useRef, useState } from 'react';

export interface PromptField {
  readonly label: string;
  readonly initial: string;
  readonly placeholder?: string;
}

/**
 * Asks for one or more paths (a browser tab cannot reach the system file dialog). `onSubmit`
 * answers null when done, which closes the dialog, or the reason it failed, shown in the dialog
 * so the user can fix the path and try again.
 */
export function PromptDialog({ title, fields, submitLabel, onSubmit, onClose }: { title: string; fields: readonly PromptField[]; submitLabel: string; onSubmit: (values: string[]) => Promise<string | null>; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [values, setValues] = useState(() => fields.map((f) => f.initial));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => dialog.current?.showModal(), []);
  const ready = values.every((v) => v.trim()) && !busy;
  return (
    <dialog ref={dialog} className="path-dialog" aria-label={title} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!ready) return;
          setBusy(true);
          setProblem(null);
          void onSubmit(values.map((v) => v.trim())).then((failure) => {
            setBusy(false);
            if (failure === null) dialog.current?.close();
            else setProblem(failure);
          });
        }}
      >
        <h2>{title}</h2>
        {fields.map((field, i) => (
          <label className="path-field" key={field.label}>
            <span>{field.label}</span>
            <input
              aria-label={field.label}
              autoFocus={i === 0}
              value={values[i]}
              placeholder={field.placeholder}
              onChange={(event) => setValues(values.map((v, j) => (j === i ? event.target.value : v)))}
            />
          </label>
        ))}
        {problem && (
          <p className="prompt-problem" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!ready}>
            {busy ? 'Working…' : submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
