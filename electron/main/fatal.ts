import { app, dialog } from 'electron';

/**
 * For failures Glowroom cannot start without: tells the user what happened and what to do, in a
 * native dialog (safe before `ready` too), then exits with a failure code.
 */
export function quitWithError(problem: string, remedy: string): void {
  dialog.showErrorBox('Glowroom cannot start', `${problem}\n\n${remedy}`);
  app.exit(1);
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
