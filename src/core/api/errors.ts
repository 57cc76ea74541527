import { ApiErrorCodeSchema } from '../../shared/api/contract';
import type { ApiError, ApiErrorCode } from '../../shared/api/contract';

/**
 * An error that already knows its API code. Core modules may throw it (or any error class with a `code` that is
 * an {@link ApiErrorCode}) and the dispatcher passes the code through unchanged.
 */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/**
 * Turns anything thrown into the serialisable `{ code, message }` that crosses IPC and HTTP. Never carries a
 * stack: the renderer (or a web page) must not learn file paths of the install or internal call chains.
 * Errors whose `code` is not an API code (Node's `ENOENT`, an engine's `UNREACHABLE`) become `INTERNAL` with
 * their message, which is what the user needs to see.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof Error) {
    const code = ApiErrorCodeSchema.safeParse((error as Error & { code?: unknown }).code);
    return { code: code.success ? code.data : 'INTERNAL', message: error.message || error.name };
  }
  return { code: 'INTERNAL', message: typeof error === 'string' ? error : 'unexpected error' };
}
