/** What the project room (open, save, recovery, missing audio, bundles) offers the rest of the UI. */
export { ProjectDialogs } from './ProjectDialogs';
export { FileControls } from './FileControls';
export { collectAndSave, newProject, openProjectFile, saveOrAsk } from './file-actions';
export { openDemoSong } from './demo-song';
export { useFilePrompt } from './file-prompts';
import './project.css';
