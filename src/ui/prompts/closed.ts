import { AbortPromptError, ExitPromptError } from '@inquirer/core';

/**
 * Runs a prompt; resolves to undefined when the learner closed it with Ctrl+C (or it was
 * aborted), so each screen decides what closing means: leave the home screen, end a drill round
 * (what was saved stays), leave the reader.
 */
export async function unlessClosed<T>(run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ExitPromptError || error instanceof AbortPromptError) return undefined;
    throw error;
  }
}
