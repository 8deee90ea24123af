/** The Teams themes a tab must look right in. */
export type HostTheme = 'default' | 'dark' | 'contrast';

/** What the host tells the tab about where it runs and for whom. */
export interface HostContext {
  /** BCP 47, e.g. `nl-NL`; null when the host does not say. */
  readonly locale: string | null;
  readonly theme: HostTheme;
  /** The user's sign-in name (UPN / e-mail), a good guess for their AFAS user id. */
  readonly loginHint: string | null;
}

/**
 * The tab's view of its host (Teams, or the development host). Only tab/teams-host.ts
 * implements it with @microsoft/teams-js; tests use a fake.
 */
export interface TabHost {
  /** Rejects when there is no host to talk to (the page was opened outside Teams). */
  initialize(): Promise<HostContext>;
  /** A Teams SSO token for this app's API. */
  getAuthToken(): Promise<string>;
  /** Opens a link outside the tab (AFAS InSite in the browser). */
  openLink(url: string): Promise<void>;
  onThemeChange(handler: (theme: HostTheme) => void): void;
  /** Tells the host the first view is on screen (hides Teams's own loading indicator). */
  notifyReady(): void;
  /** Teams' authentication popup on `url` (ours); resolves with what the popup's last page reported. Absent: no popup to open. */
  authenticate?(url: string): Promise<string>;
}

export function normaliseTheme(theme: string | undefined | null): HostTheme {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}
