// @microsoft/app-manifest requires strip-bom 5, an ES module, which Jest cannot require on Node 20
// (`npm run package` runs in plain Node, which can). The library uses it only to read manifest
// files, which this product never asks it to do; the schema validation under test is the real one.
// It sits nested under the library because Jest itself depends on strip-bom 4.
jest.mock('@microsoft/app-manifest/node_modules/strip-bom', () => ({ __esModule: true, default: (text: string) => text.replace(/^\uFEFF/, '') }));

import { join } from 'node:path';
import { PNG } from 'pngjs';
import { parseConfig, type AppConfig } from '../../src/config';
import { buildAppPackage, type BuiltPackage, type PackageSources } from '../../src/app-package/build-app-package';
import { readPackageSources } from '../../src/app-package/package-io';
import type { PackageMode } from '../../src/app-package/package-settings';

export const ROOT = join(__dirname, '..', '..');
export const BOT_ID = '6b1d7c9e-2f4a-4c3b-9d8e-1a2b3c4d5e6f';
export const TENANT_ID = '0f9e8d7c-6b5a-4938-8271-605f4e3d2c1b';
export const PUBLIC_URL = 'https://afas-teams.example.com';

/** The environment of a real deployment, as far as the package needs it. */
export const VALID_ENV: Readonly<Record<string, string>> = { MicrosoftAppId: BOT_ID, MicrosoftAppTenantId: TENANT_ID, PUBLIC_URL, PLAYGROUND: 'false' };

export function configFrom(env: Record<string, string> = { ...VALID_ENV }): AppConfig {
  return parseConfig(env);
}

/** The committed manifest/ folder and the schemas @microsoft/app-manifest bundles for it. */
export function realSources(): PackageSources {
  return readPackageSources(join(ROOT, 'manifest'));
}

/** The real sources with the template changed by `edit` (on the parsed JSON) and files replaced. */
export function editedSources(edit: (template: Record<string, unknown>) => void, files: Record<string, Buffer> = {}): PackageSources {
  const sources = realSources();
  const template = JSON.parse(sources.template) as Record<string, unknown>;
  edit(template);
  return { ...sources, template: JSON.stringify(template), files: new Map([...sources.files, ...Object.entries(files)]) };
}

export function build(sources: PackageSources = realSources(), config: AppConfig = configFrom(), mode: PackageMode = 'release'): Promise<BuiltPackage> {
  return buildAppPackage(config, '1.2.3', mode, sources);
}

/** A PNG of the given size where every pixel is `rgba`. */
export function solidPng(size: number, rgba: readonly [number, number, number, number]): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < size * size; i += 1) png.data.set(rgba, i * 4);
  return PNG.sync.write(png, { colorType: 6 });
}
