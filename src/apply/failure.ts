// What a failed request says in a change's result: the store's own message and status where it gave one.
import { ApiError } from '../errors.js';

export function describeFailure(error: unknown): { status?: number; error: string } {
  if (error instanceof ApiError) {
    const failure: { status?: number; error: string } = { error: error.apiMessage ?? error.message };
    if (error.status !== undefined) failure.status = error.status;
    return failure;
  }
  return { error: error instanceof Error ? error.message : String(error) };
}
