/**
 * Which AFAS environments are in maintenance (503 with Retry-After): no poll goes to them until
 * then. Environments are told apart by base URL. Several replicas would share this (Redis).
 */
export interface AfasAvailability {
  pause(baseUrl: string, until: Date): Promise<void>;
  /** The end of the environment's pause, or null when polls may go to it at `now`. */
  pausedUntil(baseUrl: string, now: Date): Promise<Date | null>;
}
