import type { FailureView } from '../../contracts/tab-api';
import { userFacingFailure } from '../domain/user-facing-failure';

/** The tab's wire form of a failure (src/domain/user-facing-failure.ts classifies it, as for the bot's cards). */
export function failureView(error: unknown, now: Date): FailureView {
  const failure = userFacingFailure(error, now);
  switch (failure.kind) {
    case 'maintenance':
      return { kind: 'maintenance', until: failure.until?.toISOString() ?? null };
    case 'accessDenied':
      return { kind: 'accessDenied', owners: [...failure.owners] };
    case 'expired':
      // The tab API answers an expired activation with its activation screen before it gets here.
      return { kind: 'afas', reference: null };
    default:
      return failure;
  }
}
