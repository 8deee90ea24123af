import type { RecordedRequest } from './sandbox-types';

/** Recording stops growing past this many requests (a long demo run keeps only the newest). */
export const MAX_RECORDED_REQUESTS = 10_000;

/** A request record the pipeline completes once it knows the user. */
export type RequestRecord = { -readonly [K in keyof RecordedRequest]: RecordedRequest[K] };

/** Concurrency and a log of requests, for tests that check how a client behaves. */
export class RequestStats {
  private current = 0;
  private highest = 0;
  private log: RequestRecord[] = [];

  get inFlight(): number {
    return this.current;
  }

  get maxInFlight(): number {
    return this.highest;
  }

  /** Oldest first. */
  get requests(): RecordedRequest[] {
    return [...this.log];
  }

  /** Counts a request as in flight; call the returned function (once is enough) when it is done. */
  begin(): () => void {
    this.current++;
    this.highest = Math.max(this.highest, this.current);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.current--;
    };
  }

  record(entry: RequestRecord): void {
    this.log.push(entry);
    if (this.log.length > MAX_RECORDED_REQUESTS) this.log = this.log.slice(-MAX_RECORDED_REQUESTS);
  }

  reset(): void {
    this.log = [];
    this.highest = this.current;
  }
}
