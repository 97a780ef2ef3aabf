import { useEffect } from 'react';
import { folderOf } from '../../../src/std/absolute-path';
import { displayName, useProject } from '../../state/project-store';
import { chooseFile } from '../choose-file';
import { defaultBundlePath, exportBundleTo, openBundleInto } from './file-actions';
import { useFilePrompt, type FilePrompt } from './file-prompts';

/** Export Bundle and Open Bundle, whenever one is asked for (the File menu, the native menu, a bundle the OS opened): each asks with the file chooser. */
export function useBundlePrompts(): void {
  useEffect(
    () =>
      useFilePrompt.subscribe((state, before) => {
        if (!state.prompt || state.prompt === before.prompt) return;
        const prompt = state.prompt;
        useFilePrompt.getState().show(null);
        void runPrompt(prompt);
      }),
    [],
  );
}

async function runPrompt(prompt: FilePrompt): Promise<void> {
  if (prompt.kind === 'export-bundle') {
    const state = useProject.getState();
    const out = await chooseFile('export-bundle', { defaultPath: defaultBundlePath(state.filePath) || null, name: `${displayName(state)}.glowroom.zip` });
    if (out) await exportBundleTo(out);
    return;
  }
  const zip = prompt.zipPath || (await chooseFile('open-bundle'));
  if (!zip) return;
  const into = await chooseFile('unpack-bundle', { defaultPath: folderOf(zip) });
  if (into) await openBundleInto(zip, into);
}
