/**
 * An error the action expects and can explain. Its message is shown to the user as it is, so
 * it must say what happened, which input or file is involved, and what to do next. It never
 * carries a secret value.
 */
export class ActionError extends Error {
  override readonly name = 'ActionError';
}

/** The message of anything thrown, for quoting inside a sentence. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An input that cannot be used as given. The message names the input and the fix. */
export function inputError(input: string, problem: string, fix: string): ActionError {
  return new ActionError(`Input '${input}': ${problem} ${fix}`);
}
