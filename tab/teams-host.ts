import { app, authentication } from '@microsoft/teams-js';
import { normaliseTheme, type HostContext, type HostTheme, type TabHost } from './host';

/** teams-js waits a full minute for a host that never answers; a person should not. */
const INITIALIZE_TIMEOUT_MS = 10_000;

/** The Teams host through @microsoft/teams-js v2: the only file of the tab that imports it. */
export class TeamsJsHost implements TabHost {
  async initialize(): Promise<HostContext> {
    // teams-js rejects at once without a parent window (or Teams mobile's native bridge), but
    // waits a minute for a parent that never answers.
    await withTimeout(app.initialize(), INITIALIZE_TIMEOUT_MS);
    const context = await app.getContext();
    return { locale: context.app.locale || null, theme: normaliseTheme(context.app.theme), loginHint: context.user?.loginHint ?? context.user?.userPrincipalName ?? null };
  }

  getAuthToken(): Promise<string> {
    return authentication.getAuthToken();
  }

  openLink(url: string): Promise<void> {
    return app.openLink(url);
  }

  onThemeChange(handler: (theme: HostTheme) => void): void {
    app.registerOnThemeChangeHandler((theme) => handler(normaliseTheme(theme)));
  }

  authenticate(url: string): Promise<string> {
    return authentication.authenticate({ url: httpsForTeams(url), width: 600, height: 640 });
  }

  notifyReady(): void {
    // Only a signal to hide Teams's spinner: if the host ignores it, the tab works all the same.
    app.notifySuccess().catch((error: unknown) => console.warn('notifySuccess was not accepted by the host', error));
  }
}

/**
 * teams-js opens only https URLs. Teams itself never serves a tab over http, but `npm start` does
 * (http://localhost): its development host, which is that origin, opens such a URL over http again.
 */
function httpsForTeams(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname)) parsed.protocol = 'https:';
  return parsed.href;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the Teams host did not answer')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
