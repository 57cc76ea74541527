/** Why a file could not be read as a GGUF model. */
export type GgufErrorCode = 'NOT_GGUF' | 'TRUNCATED' | 'UNSUPPORTED_VERSION' | 'MALFORMED';

/**
 * A file that is not a usable GGUF model. `message` is written for the user and names the file; `code` is for
 * programs (a `TRUNCATED` file is usually an interrupted download, `NOT_GGUF` a wrong file picked).
 */
export class GgufError extends Error {
  constructor(
    readonly code: GgufErrorCode,
    message: string,
    readonly filePath: string,
  ) {
    super(message);
    this.name = 'GgufError';
  }
}
