import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PackageSources } from './build-app-package';
import type { Json } from './json-tree';

/** Reads manifest/ and the official schemas (from @microsoft/app-manifest) for its manifestVersion. */
export function readPackageSources(manifestDir: string): PackageSources {
  const template = readFileSync(join(manifestDir, 'manifest.json'), 'utf8');
  const version = /"manifestVersion"\s*:\s*"([0-9.]+|devPreview)"/.exec(template)?.[1];
  if (!version) throw new Error(`${join(manifestDir, 'manifest.json')} has no "manifestVersion", so its schema cannot be chosen`);
  const schemaDir = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams', `v${version}`);
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(manifestDir)) {
    const path = join(manifestDir, name);
    if (name !== 'manifest.json' && statSync(path).isFile()) files.set(name, readFileSync(path));
  }
  return { template, files, manifestSchema: readSchema(schemaDir, 'MicrosoftTeams.schema.json'), localizationSchema: readSchema(schemaDir, 'MicrosoftTeams.Localization.schema.json') };
}

function readSchema(dir: string, name: string): Json {
  const path = join(dir, name);
  if (!existsSync(path)) throw new Error(`@microsoft/app-manifest has no ${name} in ${dir}: pick a manifestVersion it bundles`);
  // Some published schemas contain \a and \v, which JSON does not allow; the library reads them the same way.
  return JSON.parse(readFileSync(path, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as Json;
}

/** Writes the zip next to its final name first, so a failed run never leaves half a package. */
export async function writeZip(path: string, entries: ReadonlyMap<string, Buffer>): Promise<void> {
  // archiver 8 is an ES module: import() loads it from CommonJS on every Node 20.
  const { ZipArchive } = await import('archiver');
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  const zip = new ZipArchive({ zlib: { level: 9 } });
  const output = createWriteStream(partial);
  const written = new Promise<void>((resolve, reject) => {
    output.on('close', resolve);
    output.on('error', reject);
    zip.on('error', reject);
  });
  zip.pipe(output);
  // A fixed date keeps the zip identical from run to run for the same content.
  for (const [name, bytes] of entries) zip.append(bytes, { name, date: new Date(2000, 0, 1) });
  await zip.finalize();
  await written;
  renameSync(partial, path);
}

/** Removes a package left by an earlier run, so a failed run cannot be mistaken for a fresh one. */
export function removeStalePackage(path: string): boolean {
  if (!existsSync(path)) return false;
  rmSync(path);
  return true;
}
