import { useEffect, useState } from 'react';
import { renameClipLabel } from '../../../src/model/edits/labels';
import { renameClips } from '../../../src/model/edits/clip-edits';
import { maxNameLength } from '../../../src/model/edits/clip-math';
import type { ClipRef } from '../../../src/model/edits/selection';
import { useProject } from '../../state/project-store';

/** The clip's own name; empty shows the source file's name (`placeholder`). Enter or leaving the field keeps it, Escape reverts. */
export function ClipNameField({ name, placeholder, clipRef }: { name: string; placeholder: string; clipRef: ClipRef }) {
  const [draft, setDraft] = useState(name);
  useEffect(() => setDraft(name), [name]);
  const commit = () => {
    const next = draft.trim();
    if (next !== name) useProject.getState().edit(renameClipLabel(), (p) => renameClips(p, [clipRef], next));
  };
  return (
    <label className="editor-row">
      Name
      <input
        type="text"
        aria-label="Clip name"
        value={draft}
        placeholder={placeholder}
        maxLength={maxNameLength}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') {
            event.preventDefault();
            setDraft(name);
          }
        }}
      />
    </label>
  );
}
