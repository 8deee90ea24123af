import type { HostContext, HostTheme, TabHost } from '../../../tab/host';

/** The Teams host, by hand: a context to hand out, links it was asked to open, themes to send. */
export class FakeTabHost implements TabHost {
  readonly opened: string[] = [];
  ready = 0;
  private themeHandler: ((theme: HostTheme) => void) | null = null;

  constructor(
    private readonly context: HostContext | Error = { locale: 'en-GB', theme: 'default', loginHint: 'jan.devries@horizon-groep.example' },
    private readonly token = 'token-for-jan',
  ) {}

  async initialize(): Promise<HostContext> {
    if (this.context instanceof Error) throw this.context;
    return this.context;
  }

  async getAuthToken(): Promise<string> {
    return this.token;
  }

  async openLink(url: string): Promise<void> {
    this.opened.push(url);
  }

  onThemeChange(handler: (theme: HostTheme) => void): void {
    this.themeHandler = handler;
  }

  notifyReady(): void {
    this.ready += 1;
  }

  /** What Teams does when the user picks another theme. */
  changeTheme(theme: HostTheme): void {
    this.themeHandler?.(theme);
  }
}
