import { randomInt, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../src/ports/clock';

export type OtpCheck = 'valid' | 'incorrect' | 'expired';

interface PendingCode {
  readonly code: string;
  readonly expiresAt: number;
}

/** Activation codes: 8 digits, one per user (a new request replaces the old), single use. */
export class OtpStore {
  private readonly pending = new Map<string, PendingCode>();

  constructor(
    private readonly clock: Clock,
    private readonly validityMs: number,
  ) {}

  issue(userId: string): string {
    const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
    this.pending.set(userId, { code, expiresAt: this.clock.now().getTime() + this.validityMs });
    return code;
  }

  /** Checks a code; a valid one is used up. An expired code stays expired until a new request. */
  check(userId: string, otp: string): OtpCheck {
    const entry = this.pending.get(userId);
    const typed = Buffer.from(otp.trim());
    if (!entry || typed.length !== entry.code.length || !timingSafeEqual(typed, Buffer.from(entry.code))) return 'incorrect';
    if (this.clock.now().getTime() > entry.expiresAt) return 'expired';
    this.pending.delete(userId);
    return 'valid';
  }
}
