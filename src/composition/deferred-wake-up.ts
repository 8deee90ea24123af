import type { UserKey } from '../domain/user-key';
import type { NotificationWakeUp } from '../ports/notification-wake-up';

/**
 * The use cases need the notification engine's wake-up (activation polls at once) and the engine
 * needs a use case (who may use the app): the composition builds the use cases with this, then
 * binds it to the engine. Until then (or where no engine runs) a wake-up does nothing.
 */
export class DeferredWakeUp implements NotificationWakeUp {
  private target: NotificationWakeUp | null = null;

  bind(target: NotificationWakeUp): void {
    this.target = target;
  }

  async wake(user: UserKey): Promise<void> {
    await this.target?.wake(user);
  }
}
