import { parseConfig } from '../../src/config';
import { INHERITED_ENV_KEYS } from '../../src/config-keys';

/** What the product hands a child process: the inherited variables config.ts picks, nothing else. */
export const CHILD_ENV = parseConfig(Object.fromEntries(INHERITED_ENV_KEYS.map((key) => [key, process.env[key]]))).childEnv;
