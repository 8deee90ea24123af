import type { Language } from '../i18n';

/** What every view needs: where to build, in which language, and "now" for dates. */
export interface ViewContext {
  readonly doc: Document;
  readonly lang: Language;
  readonly now: Date;
}

export type Child = Node | string | null | undefined | false;

export interface Props {
  readonly className?: string;
  /** Set as textContent: the only way text enters the page. */
  readonly text?: string;
  readonly attrs?: Readonly<Record<string, string | null | undefined>>;
  readonly on?: Readonly<Record<string, (event: Event) => void>>;
}

/**
 * Builds one element. Text goes in as text nodes and attributes through setAttribute, so AFAS
 * text can never become markup; there is deliberately no way to pass HTML.
 */
export function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, props: Props = {}, children: readonly Child[] = []): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value !== null && value !== undefined) node.setAttribute(name, value);
  }
  for (const [type, handler] of Object.entries(props.on ?? {})) node.addEventListener(type, handler);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return node;
}

/** The URL when it is http(s), else null: a link never gets a javascript: or data: target. */
export function safeHttpUrl(url: string): string | null {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** Text for screen readers only (the unread dot's "New"). */
export function srOnly(doc: Document, text: string): HTMLSpanElement {
  return el(doc, 'span', { className: 'sr-only', text });
}
