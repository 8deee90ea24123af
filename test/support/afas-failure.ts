import { AfasError } from '../../src/domain/afas-error';

/** The AfasError a call rejects with; anything else (or success) fails the test. */
export async function afasFailure(promise: Promise<unknown>): Promise<AfasError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AfasError) return error;
    throw error;
  }
  throw new Error('expected the call to fail with an AfasError');
}
