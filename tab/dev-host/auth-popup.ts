/*
 * The development host's answer to teams-js `authentication.authenticate`: as Teams does, it opens
 * the URL in a popup, plays the host for the page that ends there (frame context `authentication`),
 * and answers the tab's call with what that page reported, or CancelledByUser when it was closed.
 */

export interface PopupMessage {
  readonly id: number;
  readonly uuidAsString?: string;
  readonly func: string;
  readonly args?: readonly unknown[];
}

/** What teams-js in the popup learns at initialize: it runs in an authentication window. */
export type PopupInitialize = (message: PopupMessage) => readonly unknown[];

/** teams-js hands over only https URLs: one on this (http) development host's own host is opened over http. */
function overHttpHere(url: string): string {
  const parsed = new URL(url, location.href);
  if (location.protocol === 'http:' && parsed.protocol === 'https:' && parsed.host === location.host) parsed.protocol = 'http:';
  return parsed.href;
}

export class AuthPopup {
  private current: { readonly popup: Window; readonly finish: (args: readonly unknown[]) => void; readonly watch: number } | null = null;

  constructor(private readonly initializeArgs: () => readonly unknown[]) {}

  /** Opens the popup for the tab's call; `answer` gets [true, result] or [false, reason] once. */
  open(url: string, width: number, height: number, answer: (args: readonly unknown[]) => void): void {
    this.end([false, 'CancelledByUser']);
    const popup = window.open(overHttpHere(url), 'afas-sign-in', `popup,width=${width || 600},height=${height || 640}`);
    if (!popup) return answer([false, 'FailedToOpenWindow']);
    // Teams notices a closed popup the same way: nothing tells a page that a window went away.
    const watch = window.setInterval(() => {
      if (popup.closed) this.end([false, 'CancelledByUser']);
    }, 400);
    this.current = { popup, finish: answer, watch };
  }

  /** Whether a message came from the popup (then it is handled here). */
  handles(event: MessageEvent): boolean {
    const current = this.current;
    if (!current || event.source !== current.popup || event.origin !== location.origin) return false;
    const data = event.data as Partial<PopupMessage> | null;
    if (!data || typeof data.func !== 'string' || typeof data.id !== 'number') return true;
    const message = data as PopupMessage;
    if (message.func === 'authentication.authenticate.success') this.end([true, String(message.args?.[0] ?? '')]);
    else if (message.func === 'authentication.authenticate.failure') this.end([false, String(message.args?.[0] ?? 'failed')]);
    else current.popup.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args: message.func === 'initialize' ? this.initializeArgs() : [true] }, location.origin);
    return true;
  }

  private end(args: readonly unknown[]): void {
    const current = this.current;
    if (!current) return;
    this.current = null;
    window.clearInterval(current.watch);
    current.finish(args);
  }
}
