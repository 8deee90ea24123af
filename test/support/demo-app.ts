import type { Clock } from '../../src/ports/clock';
import { startProduct, type RunningProduct } from '../support/running-product';

/** The whole product in demo mode on port 0 with its own data directory, as `npm start` runs it. */
export function startDemoApp(env: Record<string, string> = {}, overrides: { clock?: Clock } = {}): Promise<RunningProduct> {
  return startProduct({ env, clock: overrides.clock });
}
