import { z } from 'zod';
import type { ActivationAttempt } from '../domain/activation-rules';
import { userKeyString, type UserKey } from '../domain/user-key';
import type { StateStore } from '../ports/state-store';

const attemptSchema = z.object({
  connectionId: z.string(),
  afasUserId: z.string(),
  requestedAt: z.array(z.number()),
  wrongCodes: z.number().int().min(0),
});

/** Where a user's activation in progress is kept, so the bot and the tab share one attempt. */
export class ActivationAttempts {
  constructor(private readonly state: StateStore) {}

  private key(user: UserKey): string {
    return `activation-attempt/${userKeyString(user)}`;
  }

  async get(user: UserKey): Promise<ActivationAttempt | null> {
    const item = (await this.state.read([this.key(user)]))[this.key(user)];
    const parsed = attemptSchema.safeParse(item?.value);
    return parsed.success ? parsed.data : null;
  }

  async save(user: UserKey, attempt: ActivationAttempt): Promise<void> {
    await this.state.write([{ key: this.key(user), value: attempt }]);
  }

  async clear(user: UserKey): Promise<void> {
    await this.state.delete([this.key(user)]);
  }
}
