import type { Clock } from '../src/ports/clock';
import type { MailMessage } from './sandbox-types';

/** Enough for any demo; older mail drops off so a long-running demo server does not grow. */
export const MAILBOX_CAPACITY = 200;

/**
 * Where the sandbox "sends" activation mail. `latestCodeFor` takes an e-mail address or a user
 * code; `resolveAddress` turns it into the address the mail went to.
 */
export class Mailbox {
  private readonly sent: MailMessage[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly resolveAddress: (userId: string) => string | null,
  ) {}

  deliver(mail: Omit<MailMessage, 'sentAt'>): MailMessage {
    const message: MailMessage = Object.freeze({ ...mail, sentAt: this.clock.now().toISOString() });
    this.sent.unshift(message);
    this.sent.length = Math.min(this.sent.length, MAILBOX_CAPACITY);
    return message;
  }

  /** Newest first. */
  messages(): MailMessage[] {
    return [...this.sent];
  }

  latestCodeFor(userId: string): string | null {
    const address = (this.resolveAddress(userId) ?? userId).trim().toLowerCase();
    return this.sent.find((m) => m.to.toLowerCase() === address)?.code ?? null;
  }

  clear(): void {
    this.sent.length = 0;
  }
}
