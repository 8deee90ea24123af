import { AppError } from '../src/domain/app-error';
import type { Fault } from './sandbox-types';

interface ActiveFault {
  readonly fault: Fault;
  remaining: number | null;
}

/** What to do to one request: wait this long (real time), then answer normally or with `terminal`. */
export interface FaultPlan {
  readonly latencyMs: number;
  readonly terminal: Exclude<Fault, { kind: 'latency' }> | null;
}

/**
 * Faults tests switch on. Several may be active: latency adds up with everything else; of the
 * others the one set first wins. `times` counts only requests a fault was actually applied to.
 */
export class FaultInjector {
  private active: ActiveFault[] = [];

  set(fault: Fault): void {
    if (fault.times !== undefined && (!Number.isInteger(fault.times) || fault.times < 1)) {
      throw new AppError('sandbox_invalid_fault', 'fault.times must be a whole number of 1 or more');
    }
    if (fault.kind === 'latency' && !(fault.ms >= 0)) throw new AppError('sandbox_invalid_fault', 'latency.ms must be 0 or more');
    if (fault.kind === 'unavailable' && !(fault.retryAfterSeconds >= 0)) {
      throw new AppError('sandbox_invalid_fault', 'unavailable.retryAfterSeconds must be 0 or more');
    }
    this.active.push({ fault, remaining: fault.times ?? null });
  }

  clear(): void {
    this.active = [];
  }

  /** Picks (and counts down) the faults for a request; `authenticated` = an endpoint that needs a token. */
  plan(path: string, authenticated: boolean): FaultPlan {
    const lowerPath = path.toLowerCase();
    const applies = (f: Fault): boolean =>
      (f.path === undefined || lowerPath.includes(f.path.toLowerCase())) && (f.kind !== 'unauthorized' || authenticated);
    let latencyMs = 0;
    let terminal: FaultPlan['terminal'] = null;
    for (const entry of this.active) {
      const fault = entry.fault;
      if (!applies(fault)) continue;
      if (fault.kind === 'latency') latencyMs += fault.ms;
      else if (terminal === null) terminal = fault;
      else continue;
      if (entry.remaining !== null) entry.remaining--;
    }
    this.active = this.active.filter((e) => e.remaining === null || e.remaining > 0);
    return { latencyMs, terminal };
  }
}
