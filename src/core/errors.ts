/**
 * An error meant for a person: `message` says what happened and what to do; `code` lets shells map it
 * (the API dispatcher passes `code` through when it is one of the contract's codes, else INTERNAL).
 */
export class RigmarkError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RigmarkError';
  }
}

/** A message fit for a person from anything thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
