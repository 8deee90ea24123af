import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../domain/app-error';

export const PLAYGROUND_PACKAGE = '@microsoft/m365agentsplayground';

/**
 * The Playground's CLI script, found the way Node finds the package (so hoisting and workspaces do
 * not matter) and read from its `bin` entry rather than guessed.
 */
export function resolvePlaygroundCli(): string {
  let manifestPath: string;
  try {
    manifestPath = require.resolve(`${PLAYGROUND_PACKAGE}/package.json`);
  } catch (cause) {
    throw new AppError('playground_failed', `${PLAYGROUND_PACKAGE} is not installed; it is a devDependency, run npm ci`, {
      cause,
      details: { reason: 'not_installed' },
    });
  }
  const manifest: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const bin = binOf(manifest);
  return join(dirname(manifestPath), bin ?? 'cli.js');
}

function binOf(manifest: unknown): string | undefined {
  if (typeof manifest !== 'object' || manifest === null || !('bin' in manifest)) return undefined;
  const bin = manifest.bin;
  if (typeof bin === 'string') return bin;
  if (typeof bin === 'object' && bin !== null && 'agentsplayground' in bin && typeof bin.agentsplayground === 'string') return bin.agentsplayground;
  return undefined;
}
