// Shared by tests of every loader: the problems of a ValidationError that a promise must reject with.
import * as assert from 'uvu/assert';
import { ValidationError, type Problem } from '../../src/errors.js';

export async function problemsOf(promise: Promise<unknown>): Promise<Problem[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
    throw error;
  }
  assert.unreachable('expected a ValidationError');
  return [];
}
