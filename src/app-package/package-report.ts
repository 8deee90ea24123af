import type { BuiltPackage } from './build-app-package';
import { valueAt } from './json-tree';
import type { PackageMode } from './package-settings';

/** What `npm run package` prints: the problems, or what was written and what to do with it. */
export function formatPackageReport(built: BuiltPackage, mode: PackageMode, outFile: string): string {
  const lines: string[] = [];
  if (built.problems.length > 0) {
    const count = built.problems.length === 1 ? '1 problem' : `${built.problems.length} problems`;
    lines.push(`The Teams app package was not written: ${count}.`, ...built.problems.map((line) => `  - ${line}`));
  } else {
    const manifest = built.manifest;
    lines.push(`Wrote ${outFile}: ${[...built.entries.keys()].join(', ')}`);
    lines.push(`  app id ${String(valueAt(manifest, 'id'))}, version ${String(valueAt(manifest, 'version'))}, bot ${String(valueAt(manifest, 'bots', 0, 'botId'))}`);
    lines.push(`  tabs ${[1, 2].map((i) => String(valueAt(manifest, 'staticTabs', i, 'contentUrl'))).join(' and ')}`);
    lines.push(`  checked: the Teams schema v${String(valueAt(manifest, 'manifestVersion'))}, icons, URLs under PUBLIC_URL, the bot id, the translations`);
    lines.push(
      mode === 'inspect'
        ? '  For inspection only: Teams will refuse this package. Build the real one with MicrosoftAppId and an https PUBLIC_URL (docs/deploy.md).'
        : '  Upload it in Teams (Apps > Manage your apps > Upload an app) or publish it in the Teams admin center: docs/deploy.md.',
    );
  }
  if (built.warnings.length > 0) lines.push('Warnings:', ...built.warnings.map((line) => `  - ${line}`));
  return `${lines.join('\n')}\n`;
}
