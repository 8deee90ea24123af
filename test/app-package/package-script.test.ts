import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { readZip } from './read-zip';

const ROOT = join(__dirname, '..', '..');
const BOT_ID = '6b1d7c9e-2f4a-4c3b-9d8e-1a2b3c4d5e6f';
const RELEASE_ENV = { MicrosoftAppId: BOT_ID, MicrosoftAppTenantId: '0f9e8d7c-6b5a-4938-8271-605f4e3d2c1b', PUBLIC_URL: 'https://afas-teams.example.com', PLAYGROUND: 'false' };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'app-package-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** `npm run package` as an operator runs it, from a folder without a .env, with only `env` set. */
function runPackage(env: Record<string, string>, ...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package.js'), '--out', join(dir, 'appPackage.zip'), ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, zip: join(dir, 'appPackage.zip') };
}

describe('npm run package', () => {
  it('writes a zip with the manifest, both icons and the Dutch translation at its root', () => {
    const run = runPackage(RELEASE_ENV);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Wrote appPackage.zip: manifest.json, color.png, outline.png, nl.json');
    const entries = readZip(readFileSync(run.zip));
    expect([...entries.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png', 'nl.json']);
    const manifest = JSON.parse((entries.get('manifest.json') as Buffer).toString('utf8')) as { id: string; bots: { botId: string }[]; version: string };
    expect(manifest.id).toBe(BOT_ID);
    expect(manifest.bots[0].botId).toBe(BOT_ID);
    expect(manifest.version).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    expect(entries.get('color.png')).toEqual(readFileSync(join(ROOT, 'manifest', 'color.png')));
    expect(entries.get('nl.json')).toEqual(readFileSync(join(ROOT, 'manifest', 'nl.json')));
    expect(PNG.sync.read(entries.get('outline.png') as Buffer).width).toBe(32);
  });

  it('writes the same bytes for the same configuration', () => {
    runPackage(RELEASE_ENV);
    const first = readFileSync(join(dir, 'appPackage.zip'));
    runPackage(RELEASE_ENV);
    expect(readFileSync(join(dir, 'appPackage.zip'))).toEqual(first);
  });

  it('in demo mode explains what a real package needs, exits 1 and leaves no package behind', () => {
    writeFileSync(join(dir, 'appPackage.zip'), 'an older package');
    const run = runPackage({});
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('The Teams app package was not written: 2 problems.');
    expect(run.stderr).toContain('MicrosoftAppId is empty (demo mode). A Teams app package needs a real Azure Bot');
    expect(run.stderr).toContain('PUBLIC_URL is http://localhost:3978: Teams loads the tabs only over https.');
    expect(run.stderr).toContain('npm run package -- --inspect');
    expect(existsSync(run.zip)).toBe(false);
  });

  it('with --inspect builds a package to look at in demo mode, with warnings that Teams will refuse it', () => {
    const run = runPackage({}, '--inspect');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('For inspection only: Teams will refuse this package.');
    expect(run.stdout).toContain('MicrosoftAppId is empty, so the bot and app ids are the placeholder 00000000-0000-0000-0000-000000000000');
    expect([...readZip(readFileSync(run.zip)).keys()]).toEqual(['manifest.json', 'color.png', 'outline.png', 'nl.json']);
  });

  it('lists configuration mistakes the way startup does', () => {
    const run = runPackage({ ...RELEASE_ENV, TEAMS_APP_ID: 'my-app', APP_VERSION: 'v1' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('TEAMS_APP_ID must be a GUID');
    expect(run.stderr).toContain('APP_VERSION must be major.minor.patch');
  });

  it('rejects a bot id that is not a GUID', () => {
    const run = runPackage({ ...RELEASE_ENV, MicrosoftAppId: 'afas-bot' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("MicrosoftAppId is not a GUID: it must be the Application (client) ID of the Azure Bot's app registration.");
  });
});
