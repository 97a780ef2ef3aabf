import { useProject } from '../../state/project-store';
import { defaultBundlePath, exportBundleTo, openBundleInto } from './file-actions';
import { useFilePrompt } from './file-prompts';
import { PromptDialog } from '../PromptDialog';

/** The path prompts of Export Bundle and Open Bundle, whichever is asked for. */
export function BundleDialogs() {
  const prompt = useFilePrompt((s) => s.prompt);
  const close = () => useFilePrompt.getState().show(null);
  if (prompt?.kind === 'export-bundle') {
    return (
      <PromptDialog
        title="Export bundle"
        fields={[{ label: 'Bundle file', initial: defaultBundlePath(useProject.getState().filePath), placeholder: '/home/me/Music/Night drive.glowroom.zip' }]}
        submitLabel="Export"
        onSubmit={([out]) => exportBundleTo(out ?? '')}
        onClose={close}
      />
    );
  }
  if (prompt?.kind === 'open-bundle') {
    return (
      <PromptDialog
        title="Open bundle"
        fields={[
          { label: 'Bundle file', initial: prompt.zipPath, placeholder: '/home/me/Downloads/Night drive.glowroom.zip' },
          { label: 'Unpack into folder', initial: '', placeholder: '/home/me/Music' },
        ]}
        submitLabel="Unpack and open"
        onSubmit={([zip, folder]) => openBundleInto(zip ?? '', folder ?? '')}
        onClose={close}
      />
    );
  }
  return null;
}
