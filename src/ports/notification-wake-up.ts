import type { UserKey } from '../domain/user-key';

/**
 * Told when a user has just activated, so that their first notification poll (the "N open
 * signals" card, then pushes) runs right away instead of waiting for the next sweep.
 * Never rejects: a failure is the notifier's to log, the activation has succeeded.
 */
export interface NotificationWakeUp {
  wake(user: UserKey): Promise<void>;
}
